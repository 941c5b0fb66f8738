package dk.dss.flexclaims.parameter;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.refusal.ConflictException;
import dk.dss.flexclaims.refusal.FieldProblem;
import dk.dss.flexclaims.refusal.InvalidRequestException;
import dk.dss.flexclaims.validation.Bounded;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process owners' changes of the parameters and rates ({@code GET} and {@code POST
 * /api/admin/parameters}, ADR 0018): a new value valid from a day after today, never for a day that
 * has begun, so that nothing already started or settled changes under it. A value for a day that
 * has not come yet may be set again; it never applied.
 */
@Service
public class ParameterChanges {

  private final ParameterRepository parameters;
  private final JdbcRateTable rates;
  private final Clock clock;

  ParameterChanges(ParameterRepository parameters, JdbcRateTable rates, Clock clock) {
    this.parameters = parameters;
    this.rates = rates;
    this.clock = clock;
  }

  /**
   * A parameter (or a rate of one cover) with its dated values.
   *
   * @param cover the cover of a rate given per cover, else null
   * @param inForce the value in force today, if any
   * @param values all values, oldest first, those of days to come included
   */
  public record Entry(
      Parameter parameter, Cover cover, Optional<DatedValue> inForce, List<DatedValue> values) {}

  /** Every parameter and rate, in the order of {@link Parameter}, a rate per cover by cover. */
  @Transactional(readOnly = true)
  public List<Entry> list() {
    LocalDate today = today();
    Map<Parameter, Map<Cover, List<DatedValue>>> byKey = new EnumMap<>(Parameter.class);
    List<DatedValue> all = new ArrayList<>(parameters.all());
    all.addAll(rates.all());
    for (DatedValue value : all) {
      byKey
          .computeIfAbsent(value.parameter(), p -> new java.util.TreeMap<>(coverOrder()))
          .computeIfAbsent(value.cover(), c -> new ArrayList<>())
          .add(value);
    }
    List<Entry> entries = new ArrayList<>();
    for (Parameter parameter : Parameter.values()) {
      Map<Cover, List<DatedValue>> found = byKey.getOrDefault(parameter, Map.of());
      Set<Cover> covers = new LinkedHashSet<>();
      if (parameter.covers().isEmpty()) {
        covers.add(null);
      } else {
        parameter.covers().stream().sorted().forEach(covers::add);
      }
      found.keySet().stream().filter(Objects::nonNull).sorted().forEach(covers::add);
      for (Cover cover : covers) {
        List<DatedValue> values = found.getOrDefault(cover, List.of());
        entries.add(new Entry(parameter, cover, inForce(values, today), values));
      }
    }
    return entries;
  }

  /**
   * A new value of the parameter (of the cover, for a rate given per cover) from a day after today.
   *
   * @param value the value as sent (a number or an ISO-8601 duration), null when it is missing or
   *     of the wrong kind
   * @throws InvalidRequestException naming each field that cannot be used; nothing is stored then
   */
  @Transactional
  public Entry change(
      Parameter parameter, Cover cover, String value, LocalDate validFrom, String note, String by) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(validFrom, "validFrom");
    LocalDate today = today();
    List<FieldProblem> problems = new ArrayList<>();
    if (parameter.covers().isEmpty() && cover != null) {
      problems.add(new FieldProblem("cover", "must be left out: " + parameter + " is one figure."));
    } else if (!parameter.covers().isEmpty()
        && (cover == null || !parameter.covers().contains(cover))) {
      problems.add(
          new FieldProblem(
              "cover",
              "must be one of "
                  + parameter.covers().stream().sorted().map(Enum::name).toList()
                  + ": "
                  + parameter
                  + " is given per cover."));
    }
    Parameter.Parsed parsed = parameter.parse(value);
    parsed.problemText().ifPresent(p -> problems.add(new FieldProblem("value", p)));
    if (!validFrom.isAfter(today)) {
      problems.add(
          new FieldProblem(
              "validFrom",
              "A new value applies from tomorrow at the earliest, never to a day that has begun"
                  + " (today is "
                  + today
                  + ")."));
    } else if (validFrom.isAfter(today.plusYears(Bounded.YEARS_AHEAD))) {
      problems.add(
          new FieldProblem(
              "validFrom",
              "must be at most " + Bounded.YEARS_AHEAD + " years ahead (today is " + today + ")."));
    }
    OffsetDateTime now =
        OffsetDateTime.now(clock.withZone(Copenhagen.ZONE)).truncatedTo(ChronoUnit.MILLIS);
    DatedValue changed =
        new DatedValue(
            parameter,
            parameter.covers().isEmpty() ? null : cover,
            validFrom,
            parsed.value(),
            note == null || note.isBlank() ? null : note.strip(),
            by,
            now);
    if (problems.isEmpty() && ServiceLevelFigures.contains(parameter)) {
      ServiceLevelFigures.problem(parameters.all(), changed)
          .ifPresent(p -> problems.add(new FieldProblem("value", p)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    try {
      if (parameter.rate()) {
        if (rates.exists(parameter, changed.cover(), validFrom)) {
          rates.replace(changed);
        } else {
          rates.insert(changed);
        }
      } else if (parameters.exists(parameter, validFrom)) {
        parameters.replace(changed);
      } else {
        parameters.insert(changed);
      }
    } catch (DuplicateKeyException e) {
      throw new ConflictException(
          "parameter-changed-meanwhile",
          "Changed at the same time",
          "Another value for the same day was stored at the same moment; nothing was stored. Read"
              + " the parameters again and send the change once more.");
    }
    return list().stream()
        .filter(e -> e.parameter() == parameter && Objects.equals(e.cover(), changed.cover()))
        .findFirst()
        .orElseThrow();
  }

  private static Optional<DatedValue> inForce(List<DatedValue> values, LocalDate day) {
    return values.stream()
        .filter(v -> !v.validFrom().isAfter(day))
        .max(Comparator.comparing(DatedValue::validFrom));
  }

  private static Comparator<Cover> coverOrder() {
    return Comparator.nullsFirst(Comparator.naturalOrder());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(Copenhagen.ZONE));
  }

  /** The service levels' figures must fit together on every day from the change on. */
  static final class ServiceLevelFigures {

    private static final Set<Parameter> FIGURES =
        Set.of(
            Parameter.SLA_EXAM_WORKING_DAYS,
            Parameter.SLA_EXAM_ESCALATION_WORKING_DAYS_BEFORE,
            Parameter.SLA_TRAUMA_CALLBACK,
            Parameter.SLA_TRAUMA_CALLBACK_ESCALATION_BEFORE,
            Parameter.SLA_ASSESSMENT_WORKING_DAYS,
            Parameter.SLA_TRAUMA_ASSESSMENT,
            Parameter.SLA_TRAUMA_ASSESSMENT_ESCALATION_BEFORE,
            Parameter.SLA_COMPLAINT_WORKING_DAYS,
            Parameter.SLA_COMPLAINT_ESCALATION_WORKING_DAYS_BEFORE,
            Parameter.REQUEST_CALLBACK_WORKING_DAYS,
            Parameter.WAIT_REMINDER_WORKING_DAYS,
            Parameter.WAIT_CLOSURE_DAYS);

    private ServiceLevelFigures() {}

    static boolean contains(Parameter parameter) {
      return FIGURES.contains(parameter);
    }

    /**
     * What is wrong when the changed value joins the stored ones, on its first day or on any later
     * day another figure changes; empty when they fit.
     */
    static Optional<String> problem(List<DatedValue> stored, DatedValue changed) {
      List<DatedValue> rows = new ArrayList<>();
      stored.stream()
          .filter(
              v ->
                  !(v.parameter() == changed.parameter()
                      && v.validFrom().equals(changed.validFrom())))
          .forEach(rows::add);
      rows.add(changed);
      Set<LocalDate> days = new TreeSet<>();
      days.add(changed.validFrom());
      rows.stream()
          .filter(
              v -> FIGURES.contains(v.parameter()) && v.validFrom().isAfter(changed.validFrom()))
          .forEach(v -> days.add(v.validFrom()));
      for (LocalDate day : days) {
        Map<Parameter, DatedValue> inForce = new EnumMap<>(Parameter.class);
        for (DatedValue row : rows) {
          DatedValue before = inForce.get(row.parameter());
          if (!row.validFrom().isAfter(day)
              && (before == null || row.validFrom().isAfter(before.validFrom()))) {
            inForce.put(row.parameter(), row);
          }
        }
        Map<Parameter, String> values = new EnumMap<>(Parameter.class);
        inForce.forEach((p, v) -> values.put(p, v.value()));
        try {
          Parameters.durations(values, day);
        } catch (IllegalArgumentException e) {
          return Optional.of(
              "must fit the other service levels in force from " + day + ": " + e.getMessage());
        }
      }
      return Optional.empty();
    }
  }
}
