package dk.dss.flexclaims.parameter;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/parameters}: the service levels, limits, thresholds and rates with their
 * dated values (process owners, monitors, administrators). {@code POST /api/admin/parameters}: a
 * new value from a day after today (process owners, administrators). See ADR 0018 and
 * docs/process-owners.md.
 */
@RestController
class ParameterController {

  private final ParameterChanges changes;
  private final Clock clock;

  ParameterController(ParameterChanges changes, Clock clock) {
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * A new value.
   *
   * @param name the parameter or rate
   * @param cover the cover, for a rate given per cover ({@code NETWORK_PRICE}, {@code
   *     DANMARK_SUBSIDY}); left out otherwise
   * @param value a number ({@code 8}, {@code 10000.00}) or an ISO-8601 duration ({@code "PT3H"})
   * @param validFrom the first day it applies, after today
   */
  record ParameterChange(
      @NotNull Parameter name,
      Cover cover,
      @NotNull JsonNode value,
      @NotNull LocalDate validFrom,
      @Size(max = 200) String note) {}

  record ValueView(
      LocalDate validFrom, Object value, String note, String changedBy, OffsetDateTime changedAt) {}

  record ParameterView(
      Parameter name,
      Cover cover,
      RuleId rule,
      Parameter.Unit unit,
      String bounds,
      String meaning,
      String appliesBy,
      ValueView inForce,
      List<ValueView> values) {}

  record ParametersView(
      LocalDate today, LocalDate earliestValidFrom, List<ParameterView> parameters) {}

  @GetMapping("/api/admin/parameters")
  ParametersView parameters() {
    LocalDate today = LocalDate.now(clock.withZone(Copenhagen.ZONE));
    return new ParametersView(
        today, today.plusDays(1), changes.list().stream().map(ParameterController::view).toList());
  }

  @PostMapping("/api/admin/parameters")
  @ResponseStatus(HttpStatus.CREATED)
  ParameterView change(@Valid @RequestBody ParameterChange change, Principal caller) {
    return view(
        changes.change(
            change.name(),
            change.cover(),
            text(change.value()),
            change.validFrom(),
            change.note(),
            caller.getName()));
  }

  /** The value as sent, if it is a number or a text; null otherwise (refused as missing). */
  private static String text(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue().toPlainString();
    }
    return value.isTextual() ? value.asText() : null;
  }

  private static ParameterView view(ParameterChanges.Entry entry) {
    Parameter p = entry.parameter();
    return new ParameterView(
        p,
        entry.cover(),
        p.rule(),
        p.unit(),
        p.bounds(),
        p.meaning(),
        p.applies().text(),
        entry.inForce().map(v -> value(p, v)).orElse(null),
        entry.values().stream().map(v -> value(p, v)).toList());
  }

  private static ValueView value(Parameter parameter, DatedValue value) {
    Object shown =
        switch (parameter.unit()) {
          case DURATION -> value.value();
          case DKK -> new BigDecimal(value.value());
          case WORKING_DAYS, DAYS, TREATMENTS -> Integer.valueOf(value.value());
        };
    return new ValueView(
        value.validFrom(), shown, value.note(), value.changedBy(), value.changedAt());
  }
}
