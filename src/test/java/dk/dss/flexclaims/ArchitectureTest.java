package dk.dss.flexclaims;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, checked on the application's classes; and each rule
 * shown to fail on the deliberately broken fixture in {@code dk.dss.archfixture} (test sources
 * only).
 */
class ArchitectureTest {

  private static final JavaClasses APPLICATION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dk.dss.flexclaims");

  private static final JavaClasses FIXTURE =
      new ClassFileImporter().importPackages("dk.dss.archfixture");

  @Test
  void the_engine_is_reached_only_through_process_and_configuration() {
    ArchitectureRules.ENGINE_BEHIND_PROCESS.check(APPLICATION);
  }

  @Test
  void feature_packages_do_not_use_process() {
    ArchitectureRules.FEATURES_DO_NOT_USE_PROCESS.check(APPLICATION);
  }

  @Test
  void rules_calendar_and_refusals_are_plain_java() {
    ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(APPLICATION);
  }

  @Test
  void layers_web_application_domain_with_the_engine_behind_process() {
    ArchitectureRules.LAYERS.check(APPLICATION);
  }

  @Test
  void no_package_cycles() {
    ArchitectureRules.noCycles("dk.dss.flexclaims").check(APPLICATION);
  }

  @Test
  void only_repositories_talk_sql() {
    ArchitectureRules.ONLY_REPOSITORIES_USE_JDBC.check(APPLICATION);
  }

  @Test
  void only_the_lifecycle_writes_a_claims_status() {
    ArchitectureRules.ONLY_LIFECYCLE_WRITES_STATUS.check(APPLICATION);
  }

  @Test
  void the_rules_fail_on_a_deliberate_violation() {
    assertThatThrownBy(() -> ArchitectureRules.ENGINE_BEHIND_PROCESS.check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ClaimServiceUsingTheEngine");
    assertThatThrownBy(() -> ArchitectureRules.FEATURES_DO_NOT_USE_PROCESS.check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ClaimServiceUsingTheEngine");
    assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_PLAIN_JAVA.check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RuleAsSpringBean");
    assertThatThrownBy(() -> ArchitectureRules.LAYERS.check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ClaimServiceUsingTheEngine");
    assertThatThrownBy(() -> ArchitectureRules.noCycles("dk.dss.archfixture").check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle");
    assertThatThrownBy(() -> ArchitectureRules.ONLY_REPOSITORIES_USE_JDBC.check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ClaimServiceUsingTheEngine");
    assertThatThrownBy(() -> ArchitectureRules.ONLY_LIFECYCLE_WRITES_STATUS.check(FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ClaimServiceUsingTheEngine");
  }
}
