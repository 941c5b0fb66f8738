package dk.dss.flexclaims.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Danish working days for service levels and deadlines (coverage-rules.md section 8, terms §7.13).
 *
 * <p>A working day is Monday to Friday that is not a Danish public holiday (from jollyday's Denmark
 * calendar: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, Ascension Day,
 * Whit Sunday and Monday, Christmas Day, Boxing Day) and not one of the extra closing days (by
 * default Constitution Day 5 June, Christmas Eve and New Year's Eve).
 *
 * <p>Great Prayer Day (Store Bededag) was abolished as a public holiday from 2024 on. Jollyday 2.19
 * already limits it to 2023 and earlier ({@code validTo="2023"}); this class additionally drops it
 * from 2024 on, so an older or differently configured holiday file cannot bring it back.
 *
 * <p>Holiday look-ups are cached per year; the class is thread safe and meant to be shared. Holiday
 * data changes are applied by constructing a new instance with other extra closing days or dates
 * (e.g. from configuration).
 */
public final class DanishWorkingDays {

  private static final ZoneId ZONE = Copenhagen.ZONE;

  /** Constitution Day, Christmas Eve and New Year's Eve. */
  public static final Set<MonthDay> DEFAULT_CLOSING_DAYS =
      Set.of(
          MonthDay.of(Month.JUNE, 5),
          MonthDay.of(Month.DECEMBER, 24),
          MonthDay.of(Month.DECEMBER, 31));

  private static final String GREAT_PRAYER_DAY_KEY = "GENERAL_PRAYER_DAY";
  private static final int GREAT_PRAYER_DAY_ABOLISHED_FROM = 2024;

  private final HolidayManager holidays;
  private final Set<MonthDay> closingDays;
  private final Set<LocalDate> extraClosingDates;
  private final ConcurrentMap<Integer, Set<LocalDate>> closedByYear = new ConcurrentHashMap<>();

  /** The product's calendar: public holidays plus 5 June, 24 and 31 December. */
  public DanishWorkingDays() {
    this(DEFAULT_CLOSING_DAYS, Set.of());
  }

  /**
   * @param closingDays days closed every year in addition to the public holidays
   * @param extraClosingDates single dates closed in addition (e.g. a one-off closing day)
   */
  public DanishWorkingDays(Set<MonthDay> closingDays, Set<LocalDate> extraClosingDates) {
    this.closingDays = Set.copyOf(closingDays);
    this.extraClosingDates = Set.copyOf(extraClosingDates);
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));
  }

  /** Whether the date is a public holiday or a closing day (weekends not considered). */
  public boolean isHolidayOrClosingDay(LocalDate date) {
    return closedDays(date.getYear()).contains(date);
  }

  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isHolidayOrClosingDay(date);
  }

  /** The date itself if it is a working day, else the next working day after it. */
  public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
    LocalDate d = date;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /**
   * The n-th working day after {@code from}; {@code from} itself is not counted, whether or not it
   * is a working day. {@code n = 0} answers {@code from}.
   */
  public LocalDate plusWorkingDays(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    LocalDate d = from;
    int left = n;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /** 23:59:59 of the date in the given zone: the last second of that day. */
  public ZonedDateTime endOfDay(LocalDate date, ZoneId zone) {
    return date.atTime(LocalTime.of(23, 59, 59)).atZone(zone);
  }

  /** End (23:59:59 Copenhagen) of the n-th working day after {@code from}. */
  public ZonedDateTime endOfWorkingDayAfter(LocalDate from, int n) {
    return endOfDay(plusWorkingDays(from, n), ZONE);
  }

  /**
   * End of the next working day after the moment's Copenhagen date ("from one day to the next").
   */
  public ZonedDateTime endOfNextWorkingDay(ZonedDateTime moment) {
    return endOfWorkingDayAfter(moment.withZoneSameInstant(ZONE).toLocalDate(), 1);
  }

  private Set<LocalDate> closedDays(int year) {
    return closedByYear.computeIfAbsent(year, this::loadYear);
  }

  private Set<LocalDate> loadYear(int year) {
    Set<Holiday> publicHolidays = holidays.getHolidays(Year.of(year));
    Set<LocalDate> closed =
        publicHolidays.stream()
            .filter(
                h ->
                    !(h.getPropertiesKey() != null
                        && h.getPropertiesKey().contains(GREAT_PRAYER_DAY_KEY)
                        && year >= GREAT_PRAYER_DAY_ABOLISHED_FROM))
            .map(Holiday::getDate)
            .collect(Collectors.toCollection(HashSet::new));
    for (MonthDay md : closingDays) {
      if (md.isValidYear(year)) {
        closed.add(md.atYear(year));
      }
    }
    extraClosingDates.stream().filter(d -> d.getYear() == year).forEach(closed::add);
    return Set.copyOf(closed);
  }
}
