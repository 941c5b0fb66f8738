package dk.dss.flexclaims.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.time.Year;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@FlexIntegrationTest
class NumbersTest {

  @Autowired Numbers numbers;
  @Autowired PlatformTransactionManager transactions;

  String inTransaction(java.util.function.Supplier<String> work) {
    return new TransactionTemplate(transactions).execute(status -> work.get());
  }

  @Test
  void claimNumbersCountPerYearWithoutGaps() {
    String first = inTransaction(() -> numbers.nextClaimNumber(Year.of(2031)));
    String second = inTransaction(() -> numbers.nextClaimNumber(Year.of(2031)));
    String otherYear = inTransaction(() -> numbers.nextClaimNumber(Year.of(2032)));

    assertThat(first).matches("C-2031-\\d{6}");
    assertThat(Integer.parseInt(second.substring(7)))
        .isEqualTo(Integer.parseInt(first.substring(7)) + 1);
    assertThat(otherYear).matches("C-2032-\\d{6}");
  }

  @Test
  void aRolledBackNumberIsGivenBack() {
    TransactionTemplate template = new TransactionTemplate(transactions);
    String rolledBack =
        template.execute(
            status -> {
              status.setRollbackOnly();
              return numbers.nextPolicyNumber();
            });
    String next = inTransaction(numbers::nextPolicyNumber);
    assertThat(next).isEqualTo(rolledBack).matches("FX\\d{7}");
  }

  @Test
  void numbersAreTakenInsideTheCallersTransaction() {
    assertThatThrownBy(numbers::nextPolicyNumber)
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void personIds() {
    assertThat(Numbers.personId("FX0000042", 1)).isEqualTo("FX0000042-01");
    assertThat(Numbers.personId("FX0000042", 12)).isEqualTo("FX0000042-12");
  }
}
