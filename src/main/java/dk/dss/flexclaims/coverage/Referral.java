package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.Objects;

/** A referral: its date and who issued it (a doctor or clinic; free text). */
public record Referral(LocalDate date, String issuer) {
  public Referral {
    Objects.requireNonNull(date, "date");
  }
}
