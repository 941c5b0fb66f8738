package dk.dss.flexclaims.coverage;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * What the insured person has already used, as far as the coverage check needs it.
 *
 * @param physioChiroTreatmentsUsed PHYSIO and CHIRO treatments paid or approved in the claim's
 *     calendar year (LIMIT_PHYSIO_CHIRO_12)
 * @param osteoTreatmentsUsed OSTEO treatments in the claim's calendar year (LIMIT_OSTEO_5)
 * @param paidInInsuranceYear amount paid for the person in the current insurance year
 *     (LIMIT_INSURANCE_SUM)
 * @param openTreatmentCourse true when another course of treatment is still open (LIMIT_ONE_COURSE)
 * @param treatedMentalDisorders ICD-10 codes of mental disorders already treated under this policy
 *     (LIMIT_MENTAL_RECURRENT)
 * @param examinedConditions ICD-10 codes of conditions already examined or diagnosed
 *     (LIMIT_EXAM_REPEAT)
 */
public record UsageFacts(
    int physioChiroTreatmentsUsed,
    int osteoTreatmentsUsed,
    BigDecimal paidInInsuranceYear,
    boolean openTreatmentCourse,
    Set<String> treatedMentalDisorders,
    Set<String> examinedConditions) {

  /** Nothing used yet. */
  public static final UsageFacts NONE =
      new UsageFacts(0, 0, BigDecimal.ZERO, false, Set.of(), Set.of());

  public UsageFacts {
    if (physioChiroTreatmentsUsed < 0 || osteoTreatmentsUsed < 0) {
      throw new IllegalArgumentException("treatment counts must not be negative");
    }
    Objects.requireNonNull(paidInInsuranceYear, "paidInInsuranceYear");
    treatedMentalDisorders = Set.copyOf(treatedMentalDisorders);
    examinedConditions = Set.copyOf(examinedConditions);
  }

  public UsageFacts withPhysioChiroTreatmentsUsed(int used) {
    return new UsageFacts(
        used,
        osteoTreatmentsUsed,
        paidInInsuranceYear,
        openTreatmentCourse,
        treatedMentalDisorders,
        examinedConditions);
  }

  public UsageFacts withOsteoTreatmentsUsed(int used) {
    return new UsageFacts(
        physioChiroTreatmentsUsed,
        used,
        paidInInsuranceYear,
        openTreatmentCourse,
        treatedMentalDisorders,
        examinedConditions);
  }

  public UsageFacts withPaidInInsuranceYear(BigDecimal paid) {
    return new UsageFacts(
        physioChiroTreatmentsUsed,
        osteoTreatmentsUsed,
        paid,
        openTreatmentCourse,
        treatedMentalDisorders,
        examinedConditions);
  }

  public UsageFacts withOpenTreatmentCourse(boolean open) {
    return new UsageFacts(
        physioChiroTreatmentsUsed,
        osteoTreatmentsUsed,
        paidInInsuranceYear,
        open,
        treatedMentalDisorders,
        examinedConditions);
  }

  public UsageFacts withTreatedMentalDisorders(Set<String> codes) {
    return new UsageFacts(
        physioChiroTreatmentsUsed,
        osteoTreatmentsUsed,
        paidInInsuranceYear,
        openTreatmentCourse,
        codes,
        examinedConditions);
  }

  public UsageFacts withExaminedConditions(Set<String> codes) {
    return new UsageFacts(
        physioChiroTreatmentsUsed,
        osteoTreatmentsUsed,
        paidInInsuranceYear,
        openTreatmentCourse,
        treatedMentalDisorders,
        codes);
  }
}
