package dk.dss.flexclaims.coverage;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules and the calendar are plain Java: no Camunda, no Spring. */
class CoverageArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.dss.flexclaims");

    @Test
    void rules_and_calendar_do_not_depend_on_camunda_or_spring() {
        noClasses().that().resideInAnyPackage("dk.dss.flexclaims.coverage..", "dk.dss.flexclaims.calendar..")
                .should().dependOnClassesThat().resideInAnyPackage("org.camunda..", "org.springframework..")
                .check(classes);
    }
}
