package dk.dss.flexclaims.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bounds at the API's boundary, so that no implausible value reaches the rules or the database:
 * dates from 1900-01-01 to today (what has happened) or to two years ahead (what is planned),
 * client-chosen numbers of at most 40 plain characters, and subsidies never above the amount.
 * "Today" is the application's clock (the engine's), in Copenhagen.
 */
public final class Bounded {

  /** The earliest date the API takes. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** How far ahead a planned date may lie. */
  public static final int YEARS_AHEAD = 2;

  /**
   * A number a client chooses (invoice, provider, police report): letters, digits, ".", "_", "-",
   * 1–40.
   */
  public static final String NUMBER = "[A-Za-z0-9._-]{1,40}";

  public static final String NUMBER_MESSAGE = "must be 1 to 40 letters, digits, '.', '_' or '-'";

  /** The largest amount of an invoice line, in DKK. */
  public static final String MAX_AMOUNT = "1000000.00";

  private Bounded() {}

  /** A date (or date-time) that has happened: from 1900-01-01 to today. Null is valid. */
  @Documented
  @Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
  })
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = {PastDateValidator.class, PastDateTimeValidator.class})
  public @interface NotAfterToday {
    String message() default "must be a date from 1900-01-01 to today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** A date that may be planned: from 1900-01-01 to two years from today. Null is valid. */
  @Documented
  @Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE
  })
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = PlannedDateValidator.class)
  public @interface UpToTwoYearsAhead {
    String message() default "must be a date from 1900-01-01 to two years from today";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** An amount with subsidies: public subsidy and Danmark subsidy together at most the amount. */
  public interface Subsidised {
    BigDecimal amount();

    BigDecimal publicSubsidy();

    BigDecimal danmarkSubsidy();
  }

  /**
   * On a {@link Subsidised} type: the subsidies' sum is at most the amount (reported on {@code
   * publicSubsidy}).
   */
  @Documented
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = SubsidiesValidator.class)
  public @interface SubsidiesWithinAmount {
    String message() default
        "publicSubsidy and danmarkSubsidy together must not be more than the amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** The application's clock when Spring creates the validator, else the system's. */
  abstract static class Today {
    private Clock clock = Clock.system(ZoneId.of("Europe/Copenhagen"));

    @Autowired(required = false)
    void setClock(Clock clock) {
      this.clock = clock;
    }

    LocalDate today() {
      return LocalDate.now(clock);
    }

    ZoneId zone() {
      return clock.getZone();
    }
  }

  public static final class PastDateValidator extends Today
      implements ConstraintValidator<NotAfterToday, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(today()));
    }
  }

  public static final class PastDateTimeValidator extends Today
      implements ConstraintValidator<NotAfterToday, OffsetDateTime> {
    @Override
    public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      LocalDate date = value.atZoneSameInstant(zone()).toLocalDate();
      return !date.isBefore(EARLIEST) && !date.isAfter(today());
    }
  }

  public static final class PlannedDateValidator extends Today
      implements ConstraintValidator<UpToTwoYearsAhead, LocalDate> {
    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null
          || (!value.isBefore(EARLIEST) && !value.isAfter(today().plusYears(YEARS_AHEAD)));
    }
  }

  public static final class SubsidiesValidator
      implements ConstraintValidator<SubsidiesWithinAmount, Subsidised> {
    @Override
    public boolean isValid(Subsidised value, ConstraintValidatorContext context) {
      if (value == null || value.amount() == null) {
        return true;
      }
      BigDecimal subsidies =
          zeroIfNull(value.publicSubsidy()).add(zeroIfNull(value.danmarkSubsidy()));
      if (subsidies.compareTo(value.amount()) <= 0) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("publicSubsidy")
          .addConstraintViolation();
      return false;
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
      return amount == null ? BigDecimal.ZERO : amount;
    }
  }
}
