package dk.dss.flexclaims.security;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.FlexIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The check of ADR 0011 against the application's own beans: what the project ships passes, code
 * does not.
 */
@FlexIntegrationTest
class DeploymentCheckTest {

  @Autowired ApplicationContext context;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;

  @Test
  void theEngineItselfRefusesCodeDeployedByAUserWhicheverWayItComes() {
    String bpmn =
        EngineOperationGuardTest.Probes.process(
            "engine-side-probe",
            """
        <bpmn:startEvent id="Start" />
        <bpmn:serviceTask id="Task_ForeignClass" camunda:class="org.example.Evil" />""");
    identityService.setAuthentication(
        "paula", List.of(dk.dss.flexclaims.identity.Groups.PROCESS_OWNERS));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> repository.createDeployment().addString("engine-side.bpmn", bpmn).deploy())
          .isInstanceOf(org.camunda.bpm.engine.exception.NotValidException.class)
          .hasMessageContaining("engine-side.bpmn")
          .hasMessageContaining("Task_ForeignClass");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("engine-side-probe")
                .count())
        .isZero();
  }

  @Test
  void everyDiagramAndTableTheProjectShipsPasses() throws IOException {
    DeploymentCheck check = EngineGuardConfiguration.deploymentCheck(context);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
      files =
          walk.filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn"))
              .sorted()
              .toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .contains(
            "claim-handling.bpmn",
            "health-advice-callback.bpmn",
            "specialist-examination.bpmn",
            "trauma-callback.bpmn",
            "icd10-exclusion-groups.dmn");
    for (Path file : files) {
      assertThat(check.check(file.getFileName().toString(), Files.readAllBytes(file)))
          .as(file.toString())
          .isEmpty();
    }
  }

  @Test
  void theOwnProcessKeysAreThoseOfTheShippedDiagrams() {
    assertThat(EngineGuardConfiguration.ownProcessKeys())
        .containsExactlyInAnyOrder(
            "claim-handling",
            "health-advice-callback",
            "specialist-examination",
            "trauma-callback",
            "health-request",
            "complaint-handling",
            "policy-lifecycle");
  }

  @Test
  void expressionsThatReadPassAndCodeDoesNot() {
    ExpressionCheck expressions = new ExpressionCheck(context::containsBean);
    for (String reading :
        List.of(
            "${verdict == 'REJECT'}",
            "${slaDueAt}",
            "${!approvalNeeded}",
            "${claim.cover != null and amount > 10000.5}",
            "${a ? b : c}",
            "#{execution.processBusinessKey}",
            "${invoicePeriodEndsAt.after(now())}",
            "${list[0].name}",
            "P${days}D",
            "${empty notes || x lt 3}",
            "${execution.setVariable('x', execution.getVariable('x') != null ? execution.getVariable('x') : now())}")) {
      assertThat(expressions.refusal(reading)).as(reading).isNull();
    }
    for (String code :
        List.of(
            "${''.getClass().forName('java.lang.Runtime')}",
            "${x.class}",
            "${execution.getProcessEngineServices()}",
            "${execution.processEngineServices}",
            "${task.delete()}",
            "${dataSource.connection}",
            "${clock}",
            "${dateTime().plusDays(1)}",
            "${T(java.lang.Runtime)}",
            "${x = 1}",
            "${x; y}",
            "${a.b.wait()}",
            "${execution.setVariable(name, 1)}",
            "${x",
            "${fn:toUpperCase(x)}",
            "${x -> x}")) {
      assertThat(expressions.refusal(code)).as(code).isNotNull();
    }
  }

  @Test
  void aDmnWithAScriptLanguageIsRefused() {
    DeploymentCheck check = EngineGuardConfiguration.deploymentCheck(context);
    String dmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="test">
          <decision id="Decision_Script" name="s">
            <decisionTable id="Table">
              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string" expressionLanguage="javascript">
                <text>java.lang.System.exit(1)</text></inputExpression></input>
              <output id="Output_1" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>""";
    assertThat(check.check("table.dmn", dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .hasValueSatisfying(f -> assertThat(f.element()).isEqualTo("InputExpression_1"));
    assertThat(check.check("helper.js", new byte[0])).isPresent();
  }
}
