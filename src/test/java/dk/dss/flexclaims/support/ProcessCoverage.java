package dk.dss.flexclaims.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Flow-node coverage of the processes (camunda-process-test-coverage), measured for every test
 * class and reported with the diagrams coloured under {@code target/process-test-coverage}. A test
 * class named {@code *ProcessTest} must cover at least 90 % of the process it tests; other classes
 * (HTTP, end to end) run processes without a minimum. All share one application context, so the
 * minimum is a condition that knows which class is being measured. A class may leave processes it
 * only runs as a means out of its measure ({@link NotMeasured}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

  public static final double MINIMUM = 0.9;

  private static volatile Class<?> measuredClass;

  /**
   * Processes a {@code *ProcessTest} class runs without testing them (e.g. the claim process
   * started by the claims API to have a claim): left out of its coverage.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  public @interface NotMeasured {
    String[] value();
  }

  /** The measured class's {@link NotMeasured} keys, read when the coverage of a class starts. */
  static final class NotMeasuredKeys extends AbstractList<String> {
    private List<String> current() {
      Class<?> test = measuredClass;
      NotMeasured notMeasured = test == null ? null : test.getAnnotation(NotMeasured.class);
      return notMeasured == null ? List.of() : List.of(notMeasured.value());
    }

    @Override
    public String get(int index) {
      return current().get(index);
    }

    @Override
    public int size() {
      return current().size();
    }

    @Override
    public Object[] toArray() {
      return current().toArray();
    }
  }

  /**
   * Tells the coverage condition which test class is running (registered by {@link
   * FlexIntegrationTest}).
   */
  public static final class MeasuredClass implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      measuredClass = context.getRequiredTestClass();
    }
  }

  static boolean meetsMinimum(Class<?> testClass, double coverage) {
    return testClass == null
        || !testClass.getSimpleName().endsWith("ProcessTest")
        || coverage >= MINIMUM;
  }

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    Condition<Double> minimum =
        new Condition<>(
            coverage -> meetsMinimum(measuredClass, coverage),
            "at least %.0f %% flow-node coverage in a *ProcessTest class",
            MINIMUM * 100);
    return new ProcessEngineCoverageProperties(
        false,
        false,
        new NotMeasuredKeys(),
        List.of(minimum),
        Map.of(),
        List.of(),
        "target/process-test-coverage");
  }
}
