package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.List;

/**
 * The premium's calendar (coverage-rules.md section 9): payment periods and their invoices
 * (PREMIUM_INVOICE), the dunning steps (PREMIUM_DUNNING) and the ends a cancellation gives
 * (CANCEL_*, POLICY_ENDS_ABROAD). End dates here are, like {@link PolicyFacts#endDate()}, the first
 * day no longer in force. Pure functions.
 */
public final class PremiumSchedule {

  private PremiumSchedule() {}

  /** A payment period: {@code from} to {@code to}, both inclusive; {@code index} 0 is the first. */
  public record Period(int index, LocalDate from, LocalDate to) {}

  /**
   * PREMIUM_INVOICE: the payment period with the given index, counted from the policy start — a
   * year (renewal date to renewal date) or a month (the start's day of the month; a 31st start runs
   * to the last day of shorter months).
   */
  public static Period period(LocalDate policyStart, PaymentFrequency frequency, int index) {
    return new Period(
        index,
        periodStart(policyStart, frequency, index),
        periodStart(policyStart, frequency, index + 1).minusDays(1));
  }

  private static LocalDate periodStart(
      LocalDate policyStart, PaymentFrequency frequency, int index) {
    return frequency == PaymentFrequency.MONTHLY
        ? policyStart.plusMonths(index)
        : policyStart.plusYears(index);
  }

  /** The period that contains the given day (the first period for a day before the start). */
  public static Period periodContaining(
      LocalDate policyStart, PaymentFrequency frequency, LocalDate day) {
    int index = 0;
    while (period(policyStart, frequency, index).to().isBefore(day)) {
      index++;
    }
    return period(policyStart, frequency, index);
  }

  /**
   * PREMIUM_INVOICE, PREMIUM_PRICE: the amount of a period's invoice — the annual premium of the
   * children still co-insured on the period's first day under the price list, a twelfth of it for a
   * month (rounded half-up to øre).
   */
  public static BigDecimal periodAmount(
      PriceList prices, int childrenCovered, PaymentFrequency frequency) {
    BigDecimal annual = prices.annualPremium(childrenCovered);
    return frequency == PaymentFrequency.MONTHLY
        ? annual.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP)
        : annual.setScale(2, RoundingMode.HALF_UP);
  }

  /**
   * How many of the children (by birth date) are still co-insured on the given day
   * (ELIG_CHILD_AGED_OUT).
   */
  public static int childrenCoveredOn(
      Collection<LocalDate> childBirthDates,
      LocalDate policyStart,
      PaymentFrequency frequency,
      LocalDate day) {
    return (int)
        childBirthDates.stream()
            .filter(
                birth ->
                    !PolicyDates.childCoverLastDay(birth, policyStart, frequency).isBefore(day))
            .count();
  }

  /** PREMIUM_INVOICE: the last timely payment date of an invoice due on the given day. */
  public static LocalDate paymentDeadline(LocalDate dueDate, PremiumFees fees) {
    return dueDate.plusDays(fees.deadlineDays());
  }

  /**
   * POLICY_RENEWAL: the price list in force for the insurance year that contains the day — the
   * latest list valid on the year's first day (start or renewal date); a new list is applied at the
   * next renewal.
   */
  public static PriceList priceListFor(
      List<PriceList> lists, LocalDate policyStart, LocalDate day) {
    LocalDate yearStart = PolicyDates.insuranceYearStart(policyStart, day);
    return lists.stream()
        .filter(list -> !list.validFrom().isAfter(yearStart))
        .max((a, b) -> a.validFrom().compareTo(b.validFrom()))
        .orElseThrow(() -> new IllegalStateException("no price list in force on " + yearStart));
  }

  /** POLICY_RENEWAL: the next renewal date after the day (the start's anniversary). */
  public static LocalDate nextRenewal(LocalDate policyStart, LocalDate day) {
    LocalDate yearStart = PolicyDates.insuranceYearStart(policyStart, day);
    LocalDate next = PolicyDates.renewalDateIn(policyStart, yearStart.getYear() + 1);
    return next.isAfter(day) ? next : PolicyDates.renewalDateIn(policyStart, next.getYear() + 1);
  }

  /**
   * The dunning step an unpaid invoice goes to when its current deadline passes (PREMIUM_DUNNING).
   */
  public enum DunningStep {
    /**
     * The first invoice unpaid on time: the policy may be ended at once, a person in finance
     * decides.
     */
    FIRST_INVOICE_UNPAID,
    /** First reminder with a fee and a new deadline. */
    FIRST_REMINDER,
    /** The right to compensation is lost; second reminder with a fee. */
    RIGHT_LOST_SECOND_REMINDER,
    /** The second reminder unpaid: the policy ends at the end of the month. */
    CANCEL_AT_MONTH_END
  }

  /**
   * PREMIUM_DUNNING: what follows when an unpaid invoice's deadline passes, given how many
   * reminders it had.
   *
   * @param first whether it is the policy's first invoice
   * @param reminders reminders sent so far (0, 1 or 2)
   */
  public static DunningStep nextDunningStep(boolean first, int reminders) {
    return switch (reminders) {
      case 0 -> first ? DunningStep.FIRST_INVOICE_UNPAID : DunningStep.FIRST_REMINDER;
      case 1 -> DunningStep.RIGHT_LOST_SECOND_REMINDER;
      default -> DunningStep.CANCEL_AT_MONTH_END;
    };
  }

  /** PREMIUM_DUNNING: a reminder sent on the given day must be paid by this day. */
  public static LocalDate reminderDeadline(LocalDate sentOn, PremiumFees fees) {
    return sentOn.plusDays(fees.deadlineDays());
  }

  /**
   * PREMIUM_DUNNING: the second reminder unpaid when its deadline passes on the given day — the
   * policy ends at the end of that month (end date: the first day of the next month).
   */
  public static LocalDate endForUnpaidPremium(LocalDate deadlinePassedOn) {
    return deadlinePassedOn.with(TemporalAdjusters.firstDayOfNextMonth());
  }

  /**
   * CANCEL_REGRET_14D: whether a cancellation received on the day is within the (moved) regret
   * deadline.
   */
  public static boolean regretInTime(LocalDate regretDeadline, LocalDate received) {
    return !received.isAfter(regretDeadline);
  }

  /**
   * CANCEL_NOTICE and CANCEL_INSURER: a written cancellation received on the day ends the policy
   * after the current month plus one month (end date: the first day of the month after next).
   */
  public static LocalDate noticeEnd(LocalDate received) {
    return PolicyDates.cancelNoticeLastDay(received).plusDays(1);
  }

  /** CANCEL_NOTICE: the administration fee, none when the policy ends at its renewal date. */
  public static BigDecimal noticeFee(LocalDate policyStart, LocalDate end, PremiumFees fees) {
    return PolicyDates.cancelNoticeFree(policyStart, end.minusDays(1))
        ? BigDecimal.ZERO.setScale(2)
        : fees.adminFee();
  }

  /**
   * CANCEL_PRICE_CHANGE: a changed price list notified on {@code notifiedOn} may be answered by a
   * cancellation received within 14 days; it ends the policy on the change date (the policy's next
   * renewal on or after the list's date), or null when the cancellation came too late or the list
   * is an index adjustment.
   */
  public static LocalDate priceChangeEnd(
      PriceList list, LocalDate policyStart, LocalDate received) {
    if (list.indexOnly()
        || received.isBefore(list.notifiedOn())
        || received.isAfter(PolicyDates.priceChangeCancelDeadline(list.notifiedOn()))) {
      return null;
    }
    LocalDate change = PolicyDates.renewalDateIn(policyStart, list.validFrom().getYear());
    return change.isBefore(list.validFrom())
        ? PolicyDates.renewalDateIn(policyStart, change.getYear() + 1)
        : change;
  }

  /**
   * CANCEL_FRAUD and CANCEL_REGRET_14D: the policy ends at once — the end date is the day received
   * (no cover from then on), or the start when the policy has not started yet.
   */
  public static LocalDate endAtOnce(LocalDate policyStart, LocalDate received) {
    return received.isBefore(policyStart) ? policyStart : received;
  }

  /** POLICY_ENDS_ABROAD: the Danish address ends on the day: the policy ends with that month. */
  public static LocalDate abroadEnd(LocalDate lastDayWithDanishAddress) {
    return PolicyDates.endsAbroadLastDay(lastDayWithDanishAddress).plusDays(1);
  }

  /**
   * CHILD_CONTINUATION: the continuation offer goes out two months before the child's cover ends.
   */
  public static LocalDate continuationOfferDate(LocalDate childCoverLastDay) {
    return childCoverLastDay.plusDays(1).minusMonths(2);
  }
}
