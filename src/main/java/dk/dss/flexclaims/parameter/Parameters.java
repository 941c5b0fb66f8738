package dk.dss.flexclaims.parameter;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.calendar.DanishWorkingDays;
import dk.dss.flexclaims.coverage.CoverLimits;
import dk.dss.flexclaims.coverage.ServiceLevelDurations;
import dk.dss.flexclaims.coverage.ServiceLevels;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The parameters in force, as the rules take them (ADR 0018): read from {@code flex_parameters} at
 * each call, so that a new value applies without a restart. Each caller asks for the moment that
 * counts for it (the clock's start, the claim's approval, the insurance year's first day, the
 * settlement); a value applies from the start of its {@code valid_from} day in Copenhagen.
 */
@Service
public class Parameters {

  private final ParameterRepository repository;
  private final DanishWorkingDays workingDays;

  Parameters(ParameterRepository repository, DanishWorkingDays workingDays) {
    this.repository = repository;
    this.workingDays = workingDays;
  }

  /** The service levels' figures in force at the moment (a clock's start). */
  public ServiceLevelDurations serviceLevelDurationsAt(Instant moment) {
    return serviceLevelDurationsOn(day(moment));
  }

  /** The service levels on the application's calendar with the figures in force at the moment. */
  public ServiceLevels serviceLevelsAt(Instant moment) {
    return new ServiceLevels(workingDays, serviceLevelDurationsAt(moment));
  }

  /**
   * The cover's limits: the treatment limits in force at the moment (the claim's approval, or the
   * check or assessment before it) and the insurance sum of the insurance year starting on the
   * given day.
   */
  public CoverLimits coverLimits(Instant moment, LocalDate insuranceYearStart) {
    Values values = new Values(repository.inForceOn(day(moment)), day(moment));
    return new CoverLimits(
        values.number(Parameter.PHYSIO_CHIRO_TREATMENTS_PER_YEAR),
        values.number(Parameter.OSTEO_TREATMENTS_PER_YEAR),
        insuranceSum(insuranceYearStart));
  }

  /** LIMIT_INSURANCE_SUM of the insurance year starting on the day: the sum in force that day. */
  public BigDecimal insuranceSum(LocalDate insuranceYearStart) {
    return new Values(repository.inForceOn(insuranceYearStart), insuranceYearStart)
        .amount(Parameter.INSURANCE_SUM);
  }

  /** The paid total above which an invoice settled at the moment waits for finance. */
  public BigDecimal financeApprovalThreshold(Instant moment) {
    return new Values(repository.inForceOn(day(moment)), day(moment))
        .amount(Parameter.FINANCE_APPROVAL_THRESHOLD);
  }

  /** ASSESS_TREATMENTS_MAX for a cover without a yearly count, at the moment of the decision. */
  public int courseMaxWithoutYearlyLimit(Instant moment) {
    return new Values(repository.inForceOn(day(moment)), day(moment))
        .number(Parameter.COURSE_MAX_WITHOUT_YEARLY_LIMIT);
  }

  ServiceLevelDurations serviceLevelDurationsOn(LocalDate day) {
    return durations(repository.inForceOn(day), day);
  }

  /** The service levels' figures of a set of values (throws when they do not fit together). */
  static ServiceLevelDurations durations(Map<Parameter, String> inForce, LocalDate day) {
    Values values = new Values(inForce, day);
    return new ServiceLevelDurations(
        values.number(Parameter.SLA_EXAM_WORKING_DAYS),
        values.number(Parameter.SLA_EXAM_ESCALATION_WORKING_DAYS_BEFORE),
        values.duration(Parameter.SLA_TRAUMA_CALLBACK),
        values.duration(Parameter.SLA_TRAUMA_CALLBACK_ESCALATION_BEFORE),
        values.number(Parameter.SLA_ASSESSMENT_WORKING_DAYS),
        values.duration(Parameter.SLA_TRAUMA_ASSESSMENT),
        values.duration(Parameter.SLA_TRAUMA_ASSESSMENT_ESCALATION_BEFORE),
        values.number(Parameter.SLA_COMPLAINT_WORKING_DAYS),
        values.number(Parameter.SLA_COMPLAINT_ESCALATION_WORKING_DAYS_BEFORE),
        values.number(Parameter.REQUEST_CALLBACK_WORKING_DAYS),
        values.number(Parameter.WAIT_REMINDER_WORKING_DAYS),
        values.number(Parameter.WAIT_CLOSURE_DAYS));
  }

  private static LocalDate day(Instant moment) {
    return moment.atZone(Copenhagen.ZONE).toLocalDate();
  }

  /** The values in force on a day, typed; a missing one is a technical error. */
  private record Values(Map<Parameter, String> inForce, LocalDate day) {

    int number(Parameter parameter) {
      return Integer.parseInt(text(parameter));
    }

    Duration duration(Parameter parameter) {
      return Duration.parse(text(parameter));
    }

    BigDecimal amount(Parameter parameter) {
      return new BigDecimal(text(parameter)).setScale(2);
    }

    private String text(Parameter parameter) {
      String value = inForce.get(parameter);
      if (value == null) {
        throw new IllegalStateException("No value of " + parameter + " in force on " + day);
      }
      return value;
    }
  }
}
