package dk.dss.flexclaims.process;

import dk.dss.flexclaims.coverage.RuleId;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The adapter passes the normalised code to the deployed decision and reads its rule ID. */
class DmnExclusionGroupsTest {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private DmnDecisionTableResult evaluateFile(VariableMap variables) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("processes/icd10-exclusion-groups.dmn")) {
            return dmn.evaluateDecisionTable(dmn.parseDecision(DmnExclusionGroups.DECISION_KEY, in), variables);
        }
    }

    @Test
    void evaluates_the_decision_by_key_with_the_normalised_code() throws Exception {
        DecisionService decisions = mock(DecisionService.class);
        ArgumentCaptor<VariableMap> variables = ArgumentCaptor.forClass(VariableMap.class);
        when(decisions.evaluateDecisionTableByKey(eq(DmnExclusionGroups.DECISION_KEY), variables.capture()))
                .thenAnswer(call -> evaluateFile(call.getArgument(1)));
        DmnExclusionGroups groups = new DmnExclusionGroups(decisions);

        assertThat(groups.exclusionFor("f431")).contains(RuleId.EXCL_SERIOUS_MENTAL);
        assertThat(variables.getValue().get(DmnExclusionGroups.INPUT_ICD10)).isEqualTo("F43.1");
        assertThat(groups.exclusionFor("F43.0")).isEmpty();
    }

    @Test
    void an_unknown_rule_id_in_the_table_is_a_technical_error() {
        DecisionService decisions = mock(DecisionService.class);
        DmnDecisionTableResult result = mock(DmnDecisionTableResult.class, org.mockito.Answers.RETURNS_DEEP_STUBS);
        when(result.isEmpty()).thenReturn(false);
        when(result.getFirstResult().getEntry(DmnExclusionGroups.OUTPUT_RULE)).thenReturn("EXCL_TYPO");
        when(decisions.evaluateDecisionTableByKey(eq(DmnExclusionGroups.DECISION_KEY), any(VariableMap.class))).thenReturn(result);
        assertThatThrownBy(() -> new DmnExclusionGroups(decisions).exclusionFor("K02.1")).isInstanceOf(IllegalStateException.class);
    }
}
