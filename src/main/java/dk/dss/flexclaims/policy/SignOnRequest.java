package dk.dss.flexclaims.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dk.dss.flexclaims.coverage.PaymentFrequency;
import dk.dss.flexclaims.validation.Bounded;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The sign-on form ({@code POST /api/policies}) and the administrators' import ({@code POST
 * /api/admin/policies/import}, which alone may set {@code endDate}).
 */
public record SignOnRequest(
    @NotNull Product product,
    @NotNull @Bounded.UpToTwoYearsAhead LocalDate startDate,
    @Bounded.UpToTwoYearsAhead LocalDate endDate,
    @NotBlank @Size(max = 10) String postcode,
    @NotNull @Valid PersonRequest policyholder,
    @Size(max = 20) List<@NotNull @Valid PersonRequest> children,
    @NotNull PaymentFrequency paymentFrequency,
    @NotNull Boolean directDebit,
    @Bounded.NotAfterToday LocalDate seniorityFrom,
    @NotNull Boolean danmarkMember) {

  public SignOnRequest {
    children = children == null ? List.of() : children;
  }

  /** A person to insure. The CPR number is optional; it is stored, never logged nor answered. */
  public record PersonRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull @Bounded.NotAfterToday LocalDate birthDate,
      @Pattern(
              regexp = "\\d{6}-?\\d{4}",
              message = "must be a CPR number of 10 digits, e.g. 010190-1234")
          String cpr) {

    @Override
    public String toString() {
      return "PersonRequest[birthDate=" + birthDate + "]";
    }
  }

  @JsonIgnore
  List<LocalDate> childrenBirthDates() {
    return children.stream().map(PersonRequest::birthDate).toList();
  }

  @Override
  public String toString() {
    return "SignOnRequest[startDate=" + startDate + ", children=" + children.size() + "]";
  }
}
