package dk.dss.flexclaims.config;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code flex.calendar.*}.
 *
 * @param extraClosingDates one-off closing days beyond the Danish holidays, 5 June, 24 and 31
 *     December (ISO dates, comma-separated); after a change and a restart, {@code POST
 *     /api/admin/sla/recalculate} moves the running working-day clocks
 */
@ConfigurationProperties("flex.calendar")
record CalendarProperties(List<LocalDate> extraClosingDates) {

  CalendarProperties {
    extraClosingDates = extraClosingDates == null ? List.of() : List.copyOf(extraClosingDates);
  }
}
