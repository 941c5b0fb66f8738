package dk.dss.flexclaims.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Test helper: {@link ExclusionGroups} from the real table {@code
 * processes/icd10-exclusion-groups.dmn}, evaluated by the standalone DMN engine (the same FEEL
 * engine as the process engine), so the rule tests test the table process owners maintain.
 */
public final class DmnFileExclusionGroups implements ExclusionGroups {

  static final String RESOURCE = "processes/icd10-exclusion-groups.dmn";
  static final String DECISION_KEY = "Decision_Icd10ExclusionGroup";

  private static final DmnFileExclusionGroups INSTANCE = new DmnFileExclusionGroups();

  private final DmnEngine engine;
  private final DmnDecision decision;

  private DmnFileExclusionGroups() {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " not on the classpath");
      }
      decision = engine.parseDecision(DECISION_KEY, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static DmnFileExclusionGroups fromProcessesFolder() {
    return INSTANCE;
  }

  DmnDecision decision() {
    return decision;
  }

  @Override
  public Optional<Exclusion> exclusionFor(String icd10, Cover cover) {
    DmnDecisionTableResult result =
        engine.evaluateDecisionTable(
            decision,
            Variables.createVariables()
                .putValue("icd10", Icd10.normalise(icd10))
                .putValue("cover", cover.name()));
    if (result.isEmpty()) {
      return Optional.empty();
    }
    var row = result.getFirstResult();
    Object value = row.getEntry("exclusionRule");
    Object application = row.getEntry("application");
    return Optional.ofNullable(value)
        .map(
            v ->
                new Exclusion(
                    RuleId.valueOf(v.toString()),
                    Exclusion.Application.valueOf(application.toString())));
  }
}
