package dk.dss.flexclaims.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DanishWorkingDaysTest {

  private final DanishWorkingDays days = new DanishWorkingDays();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // Easter 2025 (Easter Sunday 20 April)
    "2025-04-17, false, Maundy Thursday",
    "2025-04-18, false, Good Friday",
    "2025-04-21, false, Easter Monday",
    "2025-04-22, true, Tuesday after Easter",
    "2025-04-16, true, Wednesday before Easter",
    // Easter 2026 (5 April)
    "2026-04-02, false, Maundy Thursday",
    "2026-04-03, false, Good Friday",
    "2026-04-06, false, Easter Monday",
    "2026-04-07, true, Tuesday after Easter",
    // Easter 2027 (28 March)
    "2027-03-25, false, Maundy Thursday",
    "2027-03-26, false, Good Friday",
    "2027-03-29, false, Easter Monday",
    "2027-03-30, true, Tuesday after Easter",
    // Easter 2028 (16 April)
    "2028-04-13, false, Maundy Thursday",
    "2028-04-14, false, Good Friday",
    "2028-04-17, false, Easter Monday",
    "2028-04-18, true, Tuesday after Easter",
    // Ascension and Whit Monday
    "2025-05-29, false, Ascension Day",
    "2025-05-30, true, Friday after Ascension",
    "2025-06-09, false, Whit Monday",
    "2026-05-14, false, Ascension Day",
    "2026-05-25, false, Whit Monday",
    "2027-05-06, false, Ascension Day",
    "2027-05-17, false, Whit Monday",
    "2028-05-25, false, Ascension Day",
    "2028-06-05, false, Whit Monday and Constitution Day",
    // Christmas and New Year
    "2025-12-23, true, 23 December",
    "2025-12-24, false, Christmas Eve",
    "2025-12-25, false, Christmas Day",
    "2025-12-26, false, Boxing Day",
    "2025-12-29, true, Monday between",
    "2025-12-31, false, New Year's Eve",
    "2026-01-01, false, New Year's Day",
    "2026-01-02, true, 2 January",
    // Constitution Day
    "2025-06-05, false, Constitution Day (Thursday)",
    "2026-06-05, false, Constitution Day (Friday)",
    "2026-06-04, true, day before Constitution Day",
    // Great Prayer Day: a holiday until 2023, abolished from 2024
    "2023-05-05, false, Great Prayer Day 2023",
    "2024-04-26, true, former Great Prayer Day 2024",
    "2025-05-16, true, former Great Prayer Day 2025",
    "2026-05-01, true, 1 May 2026 (former Great Prayer Day)",
    // weekends
    "2025-03-08, false, Saturday",
    "2025-03-09, false, Sunday",
    "2025-03-10, true, Monday"
  })
  void working_days(LocalDate date, boolean working, String what) {
    assertThat(days.isWorkingDay(date)).as(what).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
    "2025-04-16, 1, 2025-04-22",
    "2025-04-16, 0, 2025-04-16",
    "2025-04-17, 1, 2025-04-22",
    "2025-12-23, 1, 2025-12-29",
    "2025-12-23, 3, 2026-01-02",
    "2025-12-19, 10, 2026-01-09",
    "2026-03-27, 5, 2026-04-08",
    "2025-03-07, 1, 2025-03-10"
  })
  void plus_working_days(LocalDate from, int n, LocalDate expected) {
    assertThat(days.plusWorkingDays(from, n)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "2025-12-24, 2025-12-29",
    "2025-12-29, 2025-12-29",
    "2025-12-31, 2026-01-02",
    "2026-05-30, 2026-06-01"
  })
  void next_working_day_on_or_after(LocalDate date, LocalDate expected) {
    assertThat(days.nextWorkingDayOnOrAfter(date)).isEqualTo(expected);
  }

  @Test
  void end_of_working_day_is_last_second_in_copenhagen() {
    ZonedDateTime end = days.endOfWorkingDayAfter(LocalDate.of(2025, 4, 16), 1);
    assertThat(end.toOffsetDateTime().toString()).isEqualTo("2025-04-22T23:59:59+02:00");
    ZonedDateTime winter = days.endOfWorkingDayAfter(LocalDate.of(2025, 12, 23), 1);
    assertThat(winter.toOffsetDateTime().toString()).isEqualTo("2025-12-29T23:59:59+01:00");
  }

  @Test
  void end_of_next_working_day_uses_the_copenhagen_date() {
    // 23:30 UTC on 16 April 2025 is 01:30 on Maundy Thursday 17 April in Copenhagen
    ZonedDateTime moment = ZonedDateTime.parse("2025-04-16T23:30:00Z");
    assertThat(days.endOfNextWorkingDay(moment).toLocalDate()).isEqualTo(LocalDate.of(2025, 4, 22));
    ZonedDateTime friday = ZonedDateTime.parse("2025-03-07T10:00:00+01:00[Europe/Copenhagen]");
    assertThat(days.endOfNextWorkingDay(friday).toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 10));
  }

  @Test
  void closing_days_are_configurable() {
    DanishWorkingDays withoutConstitutionDay =
        new DanishWorkingDays(
            Set.of(MonthDay.of(12, 24), MonthDay.of(12, 31)), Set.of(LocalDate.of(2026, 3, 2)));
    assertThat(withoutConstitutionDay.isWorkingDay(LocalDate.of(2026, 6, 5))).isTrue();
    assertThat(withoutConstitutionDay.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
    assertThat(withoutConstitutionDay.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
  }
}
