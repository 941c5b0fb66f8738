package dk.dss.flexclaims.coverage;

import java.time.LocalDate;
import java.util.Objects;

/** A person insured on a policy. */
public record InsuredPerson(String personId, PersonRole role, LocalDate birthDate) {
  public InsuredPerson {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(birthDate, "birthDate");
  }
}
