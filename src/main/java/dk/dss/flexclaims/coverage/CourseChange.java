package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * ASSESS_CHANGE_COURSE: a change of an approved course, approved in writing by the health team. It
 * applies to treatment given on or after the day it was approved; lines dated before are paid under
 * the approval in force on their date.
 *
 * @param approvedOn the day the health team approved the change
 * @param approvedTreatments the course's new number of approved treatments (more treatments), else
 *     null
 * @param stop the course stops: treatment from that day on is not paid
 * @param providerName the new provider (a change of provider), else null
 * @param providerNumber the new provider's public agreement number, if it has one
 */
public record CourseChange(
    LocalDate approvedOn,
    Integer approvedTreatments,
    boolean stop,
    String providerName,
    String providerNumber) {

  public CourseChange {
    Objects.requireNonNull(approvedOn, "approvedOn");
    if (approvedTreatments == null && !stop && providerName == null) {
      throw new IllegalArgumentException(
          "a course change changes the treatments, stops, or moves the provider");
    }
  }

  /** Whether the invoice's provider is the one this change approved. */
  public boolean isProvider(String name, String number) {
    if (providerNumber != null
        && !providerNumber.isBlank()
        && number != null
        && !number.isBlank()) {
      return providerNumber.strip().equals(number.strip());
    }
    return name != null
        && providerName
            .strip()
            .toLowerCase(Locale.ROOT)
            .equals(name.strip().toLowerCase(Locale.ROOT));
  }
}
