package dk.dss.flexclaims;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The architecture as rules (docs/architecture.md): web → application → domain, the engine behind
 * {@code process/}. Packages are named relative ({@code ..claim..}) so that the same rules can be
 * shown to fail on a deliberately broken fixture ({@code dk.dss.archfixture}).
 */
final class ArchitectureRules {

  /**
   * Packages that configure the application and may touch the engine: wiring, security, identity.
   */
  static final String[] CONFIGURATION = {"..config..", "..security..", "..identity.."};

  static final String PROCESS = "..process..";
  static final String[] DOMAIN = {"..coverage..", "..calendar..", "..refusal.."};

  /** The capabilities: REST, use cases, persistence. */
  static final String[] FEATURES = {
    "..claim..",
    "..settlement..",
    "..sla..",
    "..usage..",
    "..policy..",
    "..letter..",
    "..numbering..",
    "..handover..",
    "..coveragecheck..",
    "..demo..",
    "..request..",
    "..complaint..",
    "..validation..",
    "..models..",
    "..parameter..",
    "..migration.."
  };

  /** The web layer: the shared web package and every controller (and the records nested in it). */
  static final DescribedPredicate<JavaClass> WEB =
      resideInAPackage("..web..")
          .or(
              DescribedPredicate.describe(
                  "a controller", (JavaClass c) -> c.getName().matches(".*Controller(\\$.*)?")));

  private ArchitectureRules() {}

  /** Only process/ and configuration know the engine. */
  static final ArchRule ENGINE_BEHIND_PROCESS =
      noClasses()
          .that()
          .resideOutsideOfPackages(concat(CONFIGURATION, PROCESS))
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.camunda..")
          .because(
              "the engine is reached through the process adapters in process/ (ports in the feature packages)");

  /**
   * The feature packages see the engine only through their own interfaces, never process/ itself.
   */
  static final ArchRule FEATURES_DO_NOT_USE_PROCESS =
      noClasses()
          .that()
          .resideInAnyPackage(FEATURES)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PROCESS)
          .because(
              "process/ implements the features' interfaces (ClaimProcess, InvoiceProcess, RunningRoutes)");

  /** The rules and the calendar are plain Java. */
  static final ArchRule DOMAIN_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.camunda..", "org.springframework..")
          .because("the rules of coverage-rules.md are tested and read without a container");

  static final ArchRule LAYERS =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Web")
          .definedBy(WEB)
          .layer("Configuration")
          .definedBy(CONFIGURATION)
          .layer("Process")
          .definedBy(PROCESS)
          .layer("Application")
          .definedBy(resideInAnyPackage(FEATURES).and(not(WEB)))
          .layer("Domain")
          .definedBy(DOMAIN)
          .whereLayer("Web")
          .mayOnlyBeAccessedByLayers("Configuration")
          .whereLayer("Process")
          .mayOnlyBeAccessedByLayers("Configuration")
          .whereLayer("Application")
          .mayOnlyBeAccessedByLayers("Web", "Process", "Configuration")
          .whereLayer("Configuration")
          .mayNotBeAccessedByAnyLayer();

  /** No cycles between the top-level packages below the root (e.g. {@code dk.dss.flexclaims}). */
  static ArchRule noCycles(String root) {
    return slices().matching(root + ".(*)..").should().beFreeOfCycles();
  }

  /** Only repositories talk SQL: each table has one repository that owns it. */
  static final ArchRule ONLY_REPOSITORIES_USE_JDBC =
      noClasses()
          .that()
          .areNotAnnotatedWith(org.springframework.stereotype.Repository.class)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework.jdbc.core..")
          .because("a table is read and written by its one repository");

  /**
   * {@code flex_claims.status} is written only through {@code ClaimLifecycle}, which knows the
   * allowed moves.
   */
  static final ArchRule ONLY_LIFECYCLE_WRITES_STATUS =
      noClasses()
          .that()
          .doNotHaveSimpleName("ClaimLifecycle")
          .should()
          .callMethodWhere(
              DescribedPredicate.describe(
                  "a status write of ClaimRepository",
                  (JavaMethodCall call) ->
                      call.getTargetOwner().getSimpleName().equals("ClaimRepository")
                          && Set.of("insert", "setStatus", "recordDecision")
                              .contains(call.getName())))
          .because("one class owns a claim's status transitions");

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
