package dk.dss.flexclaims.coverage;

import dk.dss.flexclaims.calendar.DanishWorkingDays;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * Date computations of the policy rules (coverage-rules.md sections 2, 3 and 9). Pure functions.
 */
public final class PolicyDates {

  /** Age at which a co-insured child leaves the policy (ELIG_CHILD_AGED_OUT, POLICY_CHILDREN). */
  public static final int CHILD_AGE_LIMIT = 24;

  /** Age in whose year the policyholder's cover ends at the renewal date (POLICY_AGE). */
  public static final int COVER_END_AGE = 67;

  private final DanishWorkingDays workingDays;

  public PolicyDates(DanishWorkingDays workingDays) {
    this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
  }

  /** The policy anniversary (renewal date) in a year; a 29 February start renews on 28 February. */
  public static LocalDate renewalDateIn(LocalDate policyStart, int year) {
    return policyStart.withYear(year);
  }

  /**
   * LIMIT_INSURANCE_SUM counts per insurance year: the first day of the insurance year that
   * contains the given day is the policy start or its latest anniversary on or before that day (a
   * 29 February start renews on 28 February). Before the start it is the start.
   */
  public static LocalDate insuranceYearStart(LocalDate policyStart, LocalDate day) {
    if (!day.isAfter(policyStart)) {
      return policyStart;
    }
    LocalDate anniversary = renewalDateIn(policyStart, day.getYear());
    return anniversary.isAfter(day) ? renewalDateIn(policyStart, day.getYear() - 1) : anniversary;
  }

  /**
   * ELIG_CHILD_AGED_OUT: the last day a co-insured child is covered, "until the end of the payment
   * period in which the child turns 24" (terms §7.5). ANNUAL: the day before the first policy
   * anniversary after the 24th birthday (a birthday on an anniversary starts the payment period in
   * which the child turns 24, so cover runs to the end of that period). MONTHLY: the last day of
   * the calendar month of the 24th birthday.
   */
  public static LocalDate childCoverLastDay(
      LocalDate birthDate, LocalDate policyStart, PaymentFrequency frequency) {
    LocalDate birthday24 = birthDate.plusYears(CHILD_AGE_LIMIT);
    if (frequency == PaymentFrequency.MONTHLY) {
      return birthday24.with(TemporalAdjusters.lastDayOfMonth());
    }
    LocalDate anniversary = renewalDateIn(policyStart, birthday24.getYear());
    if (!anniversary.isAfter(birthday24)) {
      anniversary = renewalDateIn(policyStart, birthday24.getYear() + 1);
    }
    return anniversary.minusDays(1);
  }

  /**
   * POLICY_AGE: the date the policyholder's cover ends (first day not covered) — the renewal date
   * in the year the policyholder turns 67.
   */
  public static LocalDate coverEndDate(LocalDate policyStart, LocalDate policyholderBirthDate) {
    return renewalDateIn(policyStart, policyholderBirthDate.getYear() + COVER_END_AGE);
  }

  /**
   * CANCEL_REGRET_14D: the last day of the right of cancellation — 14 days from the agreement date,
   * moved to the next working day when it falls on a Saturday, Sunday, public holiday, Constitution
   * Day, Christmas Eve or New Year's Eve.
   */
  public LocalDate regretDeadline(LocalDate agreementDate) {
    return workingDays.nextWorkingDayOnOrAfter(agreementDate.plusDays(14));
  }

  /**
   * CANCEL_NOTICE: the last day in force after a written cancellation received on the given date —
   * notice of the current month plus one month, i.e. the last day of the following month.
   */
  public static LocalDate cancelNoticeLastDay(LocalDate received) {
    return received.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
  }

  /**
   * CANCEL_NOTICE: cancellation at the renewal date is free; otherwise an administration fee
   * applies.
   */
  public static boolean cancelNoticeFree(LocalDate policyStart, LocalDate lastDayInForce) {
    LocalDate firstDayOut = lastDayInForce.plusDays(1);
    return renewalDateIn(policyStart, firstDayOut.getYear()).equals(firstDayOut);
  }

  /**
   * CANCEL_PRICE_CHANGE: the last day to cancel after a notice of changed terms or price was
   * received.
   */
  public static LocalDate priceChangeCancelDeadline(LocalDate noticeReceived) {
    return noticeReceived.plusDays(14);
  }

  /** POLICY_ENDS_ABROAD: the last day in force when the Danish address ends on the given date. */
  public static LocalDate endsAbroadLastDay(LocalDate lastDayWithDanishAddress) {
    return lastDayWithDanishAddress.with(TemporalAdjusters.lastDayOfMonth());
  }

  /**
   * POLICY_RUN_OFF: the first day on which claims reported and approved before the end are no
   * longer covered: 6 months after the policy's end date.
   */
  public static LocalDate runOffEnd(LocalDate policyEndDate) {
    return policyEndDate.plusMonths(6);
  }

  /**
   * QUAL_CHILD_CONTINUATION: the qualifying start of a child's own policy. Continued without a gap
   * (the new policy starts on or before the day after the child's cover ended) the former
   * qualifying start is kept; with a gap it is the new policy's start, so a new 6-month qualifying
   * period applies.
   */
  public static LocalDate childContinuationQualifyingStart(
      LocalDate formerQualifyingStart, LocalDate childCoverLastDay, LocalDate newPolicyStart) {
    return newPolicyStart.isAfter(childCoverLastDay.plusDays(1))
        ? newPolicyStart
        : formerQualifyingStart;
  }
}
