package dk.dss.flexclaims.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scanner of the log finds CPR numbers, and not what a log is otherwise full of. */
class CprScannerTest {

  @Test
  void findsACprWithAndWithoutHyphen() {
    assertThat(CprScanner.find("Policy FX0000001: holder 140979-1234 signed on"))
        .containsExactly("140979-1234");
    assertThat(CprScanner.find("insert into flex_insured_persons values ('1409791234')"))
        .containsExactly("1409791234");
    assertThat(CprScanner.find("path /api/policies/231187-5531/x")).containsExactly("231187-5531");
  }

  @Test
  void findsTheTestsSubstituteNumbers() {
    // Requests.uniqueCpr: day + 60
    assertThat(CprScanner.find("cpr=710512-0042")).containsExactly("710512-0042");
  }

  @Test
  void leavesTimestampsIdsAndNumbersAlone() {
    assertThat(
            CprScanner.find(
                "2026-11-30T03:09:28.238Z  INFO 7570 --- [flex-claims] [main] ENGINE-03016 done"
                    + " process instance 4f0a1c2e-9d3b-11ef-8a2b-0242ac120002, job 123456-7, epoch 1764474568,"
                    + " millis 1764474568238, claim C-2026-000001, person FX0000001-02, amount 1000000.00,"
                    + " duration PT0.1234567890S, not a date 320179-1234, 001299-1234"))
        .isEmpty();
  }
}
