package dk.dss.flexclaims.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After every other test of the run: the application's log of the whole run (the test profile
 * writes it to the file {@code flex.test.log}, one per Maven run) holds no CPR number, although the
 * tests send CPR numbers in bodies, paths and wrong places throughout.
 */
@RunsLast
class LogScanTest {

  static Path logFile() {
    return Path.of(System.getProperty("flex.test.log", "target/test-logs/flex-claims.log"));
  }

  @Test
  void theLogOfTheWholeRunHoldsNoCprNumber() throws IOException {
    Path log = logFile();
    // run alone (no application started), there is nothing to scan
    assumeTrue(Files.exists(log), "no application log of this run");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).as("the log has the run's lines").isNotEmpty();
    List<String> offending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> found = CprScanner.find(lines.get(i));
      if (!found.isEmpty()) {
        offending.add((i + 1) + ": " + found);
      }
    }
    // the line numbers and the numbers found: look them up in the file
    assertThat(offending).as("CPR-shaped numbers in " + log).isEmpty();
  }
}
