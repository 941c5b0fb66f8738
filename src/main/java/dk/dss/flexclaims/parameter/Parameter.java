package dk.dss.flexclaims.parameter;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.RuleId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The figures process owners change without a build (ADR 0018): service levels, reminder periods,
 * treatment limits, the insurance sum, the course maximum, the finance threshold (table {@code
 * flex_parameters}), and the rates of the settlement rules (table {@code flex_rates}, a rate per
 * cover where it says so). Which parameters exist is code; their values are dated rows.
 */
public enum Parameter {
  SLA_EXAM_WORKING_DAYS(
      RuleId.SLA_EXAM_10WD,
      Unit.WORKING_DAYS,
      1,
      60,
      "A specialist examination starts by the end of this working day after approval.",
      Applies.CLOCK_START),
  SLA_EXAM_ESCALATION_WORKING_DAYS_BEFORE(
      RuleId.SLA_EXAM_10WD,
      Unit.WORKING_DAYS,
      0,
      59,
      "The examination's clock escalates to a team lead at the end of the working day this many"
          + " working days before its deadline (also before an extended deadline).",
      Applies.CLOCK_START),
  SLA_TRAUMA_CALLBACK(
      RuleId.SLA_TRAUMA_3H,
      Unit.DURATION,
      Duration.ofMinutes(1),
      Duration.ofDays(2),
      "A psychologist calls within this time after a trauma notification is approved, around the"
          + " clock.",
      Applies.CLOCK_START),
  SLA_TRAUMA_CALLBACK_ESCALATION_BEFORE(
      RuleId.SLA_TRAUMA_3H,
      Unit.DURATION,
      Duration.ZERO,
      Duration.ofDays(2),
      "The trauma callback's clock escalates to a team lead this long before its deadline.",
      Applies.CLOCK_START),
  SLA_ASSESSMENT_WORKING_DAYS(
      RuleId.SLA_ASSESS_1WD,
      Unit.WORKING_DAYS,
      1,
      20,
      "A claim is assessed by the end of this working day after it (or the information asked for)"
          + " arrived; it escalates when missed.",
      Applies.CLOCK_START),
  SLA_TRAUMA_ASSESSMENT(
      RuleId.SLA_TRAUMA_ASSESS_1H,
      Unit.DURATION,
      Duration.ofMinutes(1),
      Duration.ofDays(1),
      "A trauma notification is assessed within this time of its arrival, around the clock.",
      Applies.CLOCK_START),
  SLA_TRAUMA_ASSESSMENT_ESCALATION_BEFORE(
      RuleId.SLA_TRAUMA_ASSESS_1H,
      Unit.DURATION,
      Duration.ZERO,
      Duration.ofDays(1),
      "The trauma assessment's clock escalates to a team lead this long before its deadline.",
      Applies.CLOCK_START),
  SLA_COMPLAINT_WORKING_DAYS(
      RuleId.SLA_COMPLAINT_7WD,
      Unit.WORKING_DAYS,
      1,
      60,
      "A complaint is handled by the end of this working day after it was received.",
      Applies.CLOCK_START),
  SLA_COMPLAINT_ESCALATION_WORKING_DAYS_BEFORE(
      RuleId.SLA_COMPLAINT_7WD,
      Unit.WORKING_DAYS,
      0,
      59,
      "The complaint's clock escalates to a team lead this many working days before its deadline.",
      Applies.CLOCK_START),
  REQUEST_CALLBACK_WORKING_DAYS(
      RuleId.REQ_CALLBACK,
      Unit.WORKING_DAYS,
      1,
      20,
      "An advice request (or a reviewed second opinion) is called back by the end of this working"
          + " day.",
      Applies.CLOCK_START),
  WAIT_REMINDER_WORKING_DAYS(
      RuleId.ASSESS_ASK_INFO,
      Unit.WORKING_DAYS,
      1,
      60,
      "A missing referral or information asked for: the reminder goes out at the end of this"
          + " working day after the insured was asked.",
      Applies.ASKED),
  WAIT_CLOSURE_DAYS(
      RuleId.ASSESS_ASK_INFO,
      Unit.DAYS,
      1,
      365,
      "Without an answer the claim is withdrawn or closed this many days after the reminder.",
      Applies.ASKED),
  PHYSIO_CHIRO_TREATMENTS_PER_YEAR(
      RuleId.LIMIT_PHYSIO_CHIRO_12,
      Unit.TREATMENTS,
      0,
      365,
      "Physiotherapy and chiropractic together: treatments per insured person per calendar year.",
      Applies.APPROVAL),
  OSTEO_TREATMENTS_PER_YEAR(
      RuleId.LIMIT_OSTEO_5,
      Unit.TREATMENTS,
      0,
      365,
      "Osteopathy: treatments per insured person per calendar year.",
      Applies.APPROVAL),
  COURSE_MAX_WITHOUT_YEARLY_LIMIT(
      RuleId.ASSESS_TREATMENTS_MAX,
      Unit.TREATMENTS,
      1,
      365,
      "The most treatments one approval (or change of course) may give for a cover without a"
          + " yearly count (psychologist).",
      Applies.DECISION),
  INSURANCE_SUM(
      RuleId.LIMIT_INSURANCE_SUM,
      Unit.DKK,
      BigDecimal.ONE,
      new BigDecimal("100000000.00"),
      "The most paid per insured person per insurance year.",
      Applies.INSURANCE_YEAR),
  FINANCE_APPROVAL_THRESHOLD(
      null,
      Unit.DKK,
      BigDecimal.ZERO,
      new BigDecimal("100000000.00"),
      "An invoice whose paid total is above this waits for finance's \"Approve payment\"; at or"
          + " below it, payment is automatic.",
      Applies.SETTLEMENT),
  PHYSIO_FULL_FEE(
      RuleId.PAY_PHYSIO_NO_AGREEMENT,
      Unit.DKK,
      "The full fee for general physiotherapy: the most paid per treatment by a physiotherapist"
          + " without a public agreement.",
      Set.of()),
  CHIRO_PATIENT_SHARE(
      RuleId.PAY_CHIRO_SHARE,
      Unit.DKK,
      "The patient's share of the rate for general chiropractic: the most paid per treatment.",
      Set.of()),
  OSTEO_FIRST_TREATMENT(
      RuleId.PAY_OSTEO_RATE,
      Unit.DKK,
      "The most paid for the first osteopathy treatment in a claim.",
      Set.of()),
  OSTEO_LATER_TREATMENT(
      RuleId.PAY_OSTEO_RATE,
      Unit.DKK,
      "The most paid for each later osteopathy treatment in a claim.",
      Set.of()),
  NETWORK_PRICE(
      RuleId.PAY_NETWORK_DIRECT,
      Unit.DKK,
      "The agreed network price of one treatment under the cover.",
      EnumSet.of(Cover.PSYCHOLOGIST, Cover.TRAUMA, Cover.SPECIALIST_EXAM)),
  DANMARK_SUBSIDY(
      RuleId.PAY_DANMARK_OFFSET,
      Unit.DKK,
      "What Sygeforsikringen \"danmark\" pays a member per treatment under the cover, deducted"
          + " when an invoice line does not state it.",
      EnumSet.of(
          Cover.PHYSIO,
          Cover.CHIRO,
          Cover.OSTEO,
          Cover.PSYCHOLOGIST,
          Cover.SPECIALIST_EXAM,
          Cover.TRAUMA));

  /** What a value counts. */
  public enum Unit {
    /** Danish working days (the calendar of coverage-rules.md section 8). */
    WORKING_DAYS,
    /** Calendar days. */
    DAYS,
    /** An ISO-8601 duration, elapsed time around the clock: {@code PT3H}, {@code PT45M}. */
    DURATION,
    /** A number of treatments. */
    TREATMENTS,
    /** Danish kroner with at most two decimals. */
    DKK
  }

  /** Which moment's value a claim, clock or invoice uses (ADR 0018). */
  public enum Applies {
    /** The value in force when the clock started: its clock keeps it until it stops. */
    CLOCK_START("the clock's start (an examination's and a callback's: the claim's approval)"),
    /** The value in force when the insured was asked for the referral or the information. */
    ASKED("the day the insured was asked"),
    /** The value in force when the claim was approved; before that, at its check and assessment. */
    APPROVAL("the claim's approval (before it: the coverage check and the assessment)"),
    /** The value in force at the assessment or the decision on a change of the course. */
    DECISION("the assessment, or the decision on a change of the course"),
    /** The value in force on the first day of the insurance year: one sum for the whole year. */
    INSURANCE_YEAR("the first day of the insurance year"),
    /** The value in force when the invoice is settled. */
    SETTLEMENT("the invoice's settlement"),
    /** The rate in force on the treatment date of the invoice line. */
    TREATMENT_DATE("the treatment date of each invoice line");

    private final String text;

    Applies(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  private final RuleId rule;
  private final Unit unit;
  private final Comparable<?> lowest;
  private final Comparable<?> highest;
  private final String meaning;
  private final Applies applies;
  private final boolean rate;
  private final Set<Cover> covers;

  Parameter(RuleId rule, Unit unit, int lowest, int highest, String meaning, Applies applies) {
    this(rule, unit, lowest, highest, meaning, applies, false, Set.of());
  }

  Parameter(
      RuleId rule, Unit unit, Duration lowest, Duration highest, String meaning, Applies applies) {
    this(rule, unit, lowest, highest, meaning, applies, false, Set.of());
  }

  Parameter(
      RuleId rule,
      Unit unit,
      BigDecimal lowest,
      BigDecimal highest,
      String meaning,
      Applies applies) {
    this(rule, unit, lowest, highest, meaning, applies, false, Set.of());
  }

  /** A rate of {@code flex_rates}: one per cover when {@code covers} is not empty. */
  Parameter(RuleId rule, Unit unit, String meaning, Set<Cover> covers) {
    this(
        rule,
        unit,
        BigDecimal.ZERO,
        new BigDecimal("1000000.00"),
        meaning,
        Applies.TREATMENT_DATE,
        true,
        covers);
  }

  Parameter(
      RuleId rule,
      Unit unit,
      Comparable<?> lowest,
      Comparable<?> highest,
      String meaning,
      Applies applies,
      boolean rate,
      Set<Cover> covers) {
    this.rule = rule;
    this.unit = unit;
    this.lowest = lowest;
    this.highest = highest;
    this.meaning = meaning;
    this.applies = applies;
    this.rate = rate;
    this.covers = covers.isEmpty() ? Set.of() : EnumSet.copyOf(covers);
  }

  /** The rule the figure belongs to; null for the finance threshold (no rule of the terms). */
  public RuleId rule() {
    return rule;
  }

  public Unit unit() {
    return unit;
  }

  public String meaning() {
    return meaning;
  }

  public Applies applies() {
    return applies;
  }

  /** A rate, kept in {@code flex_rates}. */
  public boolean rate() {
    return rate;
  }

  /** The covers a rate is given per; empty for a single figure. */
  public Set<Cover> covers() {
    return covers;
  }

  /** The lowest and highest value allowed, as text. */
  public String bounds() {
    return text(lowest) + " to " + text(highest);
  }

  /**
   * The value in its stored form ({@code 10}, {@code PT3H}, {@code 3000000.00}), or what is wrong
   * with it in words for a person (never repeating the value).
   */
  public Parsed parse(String value) {
    if (value == null || value.isBlank()) {
      return Parsed.problem(expected());
    }
    String text = value.strip();
    switch (unit) {
      case WORKING_DAYS, DAYS, TREATMENTS -> {
        int number;
        try {
          BigDecimal decimal = new BigDecimal(text);
          number = decimal.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
          return Parsed.problem(expected());
        }
        if (number < (Integer) lowest || number > (Integer) highest) {
          return Parsed.problem("must be from " + bounds() + ".");
        }
        return Parsed.of(Integer.toString(number));
      }
      case DURATION -> {
        Duration duration;
        try {
          duration = Duration.parse(text);
        } catch (DateTimeParseException e) {
          return Parsed.problem(expected());
        }
        if (duration.compareTo((Duration) lowest) < 0
            || duration.compareTo((Duration) highest) > 0) {
          return Parsed.problem("must be from " + bounds() + ".");
        }
        return Parsed.of(duration.toString());
      }
      case DKK -> {
        BigDecimal amount;
        try {
          amount = new BigDecimal(text);
        } catch (NumberFormatException e) {
          return Parsed.problem(expected());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
          return Parsed.problem(expected());
        }
        if (amount.compareTo((BigDecimal) lowest) < 0
            || amount.compareTo((BigDecimal) highest) > 0) {
          return Parsed.problem("must be from " + bounds() + ".");
        }
        return Parsed.of(amount.setScale(2).toPlainString());
      }
      default -> throw new IllegalStateException("unit " + unit);
    }
  }

  private String expected() {
    return switch (unit) {
      case WORKING_DAYS -> "must be a whole number of working days, " + bounds() + ".";
      case DAYS -> "must be a whole number of days, " + bounds() + ".";
      case TREATMENTS -> "must be a whole number of treatments, " + bounds() + ".";
      case DURATION -> "must be an ISO-8601 duration such as PT3H or PT45M, " + bounds() + ".";
      case DKK -> "must be an amount in DKK with at most two decimals, " + bounds() + ".";
    };
  }

  private static String text(Comparable<?> bound) {
    return bound instanceof BigDecimal amount
        ? amount.setScale(2).toPlainString()
        : bound.toString();
  }

  /** A value parsed: its stored form, or the problem. */
  public record Parsed(String value, String problem) {
    static Parsed of(String value) {
      return new Parsed(value, null);
    }

    static Parsed problem(String problem) {
      return new Parsed(null, problem);
    }

    public Optional<String> problemText() {
      return Optional.ofNullable(problem);
    }
  }
}
