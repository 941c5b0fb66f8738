package dk.dss.flexclaims.process;

import dk.dss.flexclaims.coverage.ExclusionGroups;
import dk.dss.flexclaims.coverage.Icd10;
import dk.dss.flexclaims.coverage.RuleId;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link ExclusionGroups} backed by the latest deployed version of the DMN decision
 * {@value #DECISION_KEY} ({@code processes/icd10-exclusion-groups.dmn}), which process owners maintain.
 */
public final class DmnExclusionGroups implements ExclusionGroups {

    public static final String DECISION_KEY = "Decision_Icd10ExclusionGroup";
    public static final String INPUT_ICD10 = "icd10";
    public static final String OUTPUT_RULE = "exclusionRule";

    private final DecisionService decisionService;

    public DmnExclusionGroups(DecisionService decisionService) {
        this.decisionService = Objects.requireNonNull(decisionService, "decisionService");
    }

    @Override
    public Optional<RuleId> exclusionFor(String icd10) {
        String code = Icd10.normalise(icd10);
        var result = decisionService.evaluateDecisionTableByKey(DECISION_KEY,
                Variables.createVariables().putValue(INPUT_ICD10, code));
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Object value = result.getFirstResult().getEntry(OUTPUT_RULE);
        return Optional.ofNullable(value).map(v -> toRuleId(v.toString()));
    }

    static RuleId toRuleId(String value) {
        try {
            return RuleId.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("decision " + DECISION_KEY + " answered an unknown rule ID: " + value, e);
        }
    }
}
