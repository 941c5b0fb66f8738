package dk.dss.flexclaims.process;

import dk.dss.flexclaims.coverage.Cover;
import dk.dss.flexclaims.coverage.Exclusion;
import dk.dss.flexclaims.coverage.ExclusionGroups;
import dk.dss.flexclaims.coverage.Icd10;
import dk.dss.flexclaims.coverage.RuleId;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;

/**
 * {@link ExclusionGroups} backed by the latest deployed version of the DMN decision {@value
 * #DECISION_KEY} ({@code processes/icd10-exclusion-groups.dmn}), which process owners maintain.
 * Inputs: the normalised code and the cover; outputs: the rule ID and how the row applies (a row
 * without an application, as in tables deployed before it existed, applies automatically).
 */
public final class DmnExclusionGroups implements ExclusionGroups {

  public static final String DECISION_KEY = "Decision_Icd10ExclusionGroup";
  public static final String INPUT_ICD10 = "icd10";
  public static final String INPUT_COVER = "cover";
  public static final String OUTPUT_RULE = "exclusionRule";
  public static final String OUTPUT_APPLICATION = "application";

  private final DecisionService decisionService;

  public DmnExclusionGroups(DecisionService decisionService) {
    this.decisionService = Objects.requireNonNull(decisionService, "decisionService");
  }

  @Override
  public Optional<Exclusion> exclusionFor(String icd10, Cover cover) {
    String code = Icd10.normalise(icd10);
    Objects.requireNonNull(cover, "cover");
    var result =
        decisionService.evaluateDecisionTableByKey(
            DECISION_KEY,
            Variables.createVariables()
                .putValue(INPUT_ICD10, code)
                .putValue(INPUT_COVER, cover.name()));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    var row = result.getFirstResult();
    Object value = row.getEntry(OUTPUT_RULE);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Exclusion(toRuleId(value.toString()), toApplication(row.getEntry(OUTPUT_APPLICATION))));
  }

  static RuleId toRuleId(String value) {
    try {
      return RuleId.valueOf(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "decision " + DECISION_KEY + " answered an unknown rule ID: " + value, e);
    }
  }

  static Exclusion.Application toApplication(Object value) {
    if (value == null || value.toString().isBlank()) {
      return Exclusion.Application.AUTO;
    }
    try {
      return Exclusion.Application.valueOf(value.toString().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "decision "
              + DECISION_KEY
              + " answered an unknown application: "
              + value
              + " (AUTO or TEAM)",
          e);
    }
  }
}
