package dk.dss.flexclaims.process;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps health details out of Camunda's history (ADR 0006); all other history is written as before,
 * at level "full":
 *
 * <ul>
 *   <li>evaluations of the ICD-10 exclusion table ({@value DmnExclusionGroups#DECISION_KEY}): their
 *       input is a person's diagnosis, and the "would this be covered?" check must store nothing;
 *       the claim keeps the rule IDs that decided it;
 *   <li>the variables that show facts in a form ({@code view*}, task-local) and the assessor's
 *       free-text note ({@code assessmentNote}, moved into the claim record on completion) and the
 *       specialist examination's provider ({@code examinationProvider}, moved into the clocks
 *       table) and a complaint handler's reasons ({@code complaintReasons}, moved into the
 *       complaint record): every event of such a variable is dropped, so it never outlives the
 *       task.
 * </ul>
 */
@Component
class HealthDetailsHistoryFilter extends AbstractProcessEnginePlugin {

  /** Prefix of task-local variables that show facts in a form. */
  static final String VIEW_PREFIX = "view";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filtering(configuration.getHistoryEventHandler()));
  }

  static boolean isPrivate(String variableName) {
    return variableName != null
        && (variableName.startsWith(VIEW_PREFIX)
            || ClaimHandling.ASSESSMENT_NOTE.name().equals(variableName)
            || ServiceLevelRoutes.EXAMINATION_PROVIDER.name().equals(variableName)
            || ServiceLevelRoutes.LAPSE_REASON.name().equals(variableName)
            || ComplaintHandling.COMPLAINT_REASONS.name().equals(variableName));
  }

  static boolean keep(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable
        && isPrivate(variable.getVariableName())) {
      return false;
    }
    // a form submitted from Tasklist is also written as form properties at level "full"
    if (event instanceof HistoricFormPropertyEventEntity property
        && isPrivate(property.getPropertyId())) {
      return false;
    }
    return !(event instanceof HistoricDecisionEvaluationEvent evaluation
        && evaluation.getRootHistoricDecisionInstance() != null
        && DmnExclusionGroups.DECISION_KEY.equals(
            evaluation.getRootHistoricDecisionInstance().getDecisionDefinitionKey()));
  }

  private record Filtering(HistoryEventHandler delegate) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (keep(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delegate.handleEvents(events.stream().filter(HealthDetailsHistoryFilter::keep).toList());
    }
  }
}
