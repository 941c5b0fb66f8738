package dk.dss.flexclaims.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.Exclusion;
import dk.dss.flexclaims.coverage.RuleId;
import java.io.InputStream;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The adapter passes the normalised code to the deployed decision and reads its rule ID. */
class DmnExclusionGroupsTest {

  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DmnDecisionTableResult evaluateFile(VariableMap variables) throws Exception {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("processes/icd10-exclusion-groups.dmn")) {
      return dmn.evaluateDecisionTable(
          dmn.parseDecision(DmnExclusionGroups.DECISION_KEY, in), variables);
    }
  }

  @Test
  void evaluates_the_decision_by_key_with_the_normalised_code() throws Exception {
    DecisionService decisions = mock(DecisionService.class);
    ArgumentCaptor<VariableMap> variables = ArgumentCaptor.forClass(VariableMap.class);
    when(decisions.evaluateDecisionTableByKey(
            eq(DmnExclusionGroups.DECISION_KEY), variables.capture()))
        .thenAnswer(call -> evaluateFile(call.getArgument(1)));
    DmnExclusionGroups groups = new DmnExclusionGroups(decisions);

    assertThat(groups.exclusionFor("f431", Cover.PSYCHOLOGIST))
        .contains(new Exclusion(RuleId.EXCL_SERIOUS_MENTAL, Exclusion.Application.AUTO));
    assertThat(variables.getValue().get(DmnExclusionGroups.INPUT_ICD10)).isEqualTo("F43.1");
    assertThat(variables.getValue().get(DmnExclusionGroups.INPUT_COVER)).isEqualTo("PSYCHOLOGIST");
    assertThat(groups.exclusionFor("F43.0", Cover.PSYCHOLOGIST)).isEmpty();
    assertThat(groups.exclusionFor("DD225", Cover.SPECIALIST_EXAM))
        .contains(new Exclusion(RuleId.EXCL_COSMETIC, Exclusion.Application.TEAM));
    assertThat(groups.exclusionFor("O26.7", Cover.PHYSIO)).isEmpty();
    assertThat(groups.exclusionFor("O26.7", Cover.SPECIALIST_EXAM))
        .contains(new Exclusion(RuleId.EXCL_FERTILITY_PREGNANCY, Exclusion.Application.AUTO));
  }

  @Test
  void an_unknown_rule_id_in_the_table_is_a_technical_error() {
    DecisionService decisions = mock(DecisionService.class);
    DmnDecisionTableResult result =
        mock(DmnDecisionTableResult.class, org.mockito.Answers.RETURNS_DEEP_STUBS);
    when(result.isEmpty()).thenReturn(false);
    when(result.getFirstResult().getEntry(DmnExclusionGroups.OUTPUT_RULE)).thenReturn("EXCL_TYPO");
    when(decisions.evaluateDecisionTableByKey(
            eq(DmnExclusionGroups.DECISION_KEY), any(VariableMap.class)))
        .thenReturn(result);
    assertThatThrownBy(() -> new DmnExclusionGroups(decisions).exclusionFor("K02.1", Cover.PHYSIO))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void
      a_row_without_an_application_applies_automatically_and_an_unknown_one_is_a_technical_error() {
    DecisionService decisions = mock(DecisionService.class);
    DmnDecisionTableResult result =
        mock(DmnDecisionTableResult.class, org.mockito.Answers.RETURNS_DEEP_STUBS);
    when(result.isEmpty()).thenReturn(false);
    when(result.getFirstResult().getEntry(DmnExclusionGroups.OUTPUT_RULE))
        .thenReturn("EXCL_DENTAL");
    when(result.getFirstResult().getEntry(DmnExclusionGroups.OUTPUT_APPLICATION))
        .thenReturn(null, "SOMETIMES");
    when(decisions.evaluateDecisionTableByKey(
            eq(DmnExclusionGroups.DECISION_KEY), any(VariableMap.class)))
        .thenReturn(result);
    DmnExclusionGroups groups = new DmnExclusionGroups(decisions);
    assertThat(groups.exclusionFor("K02.1", Cover.PHYSIO))
        .contains(new Exclusion(RuleId.EXCL_DENTAL, Exclusion.Application.AUTO));
    assertThatThrownBy(() -> groups.exclusionFor("K02.1", Cover.PHYSIO))
        .isInstanceOf(IllegalStateException.class);
  }
}
