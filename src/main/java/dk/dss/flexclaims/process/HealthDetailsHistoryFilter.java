package dk.dss.flexclaims.process;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps evaluations of the ICD-10 exclusion table ({@value DmnExclusionGroups#DECISION_KEY}) out of
 * Camunda's history. Its input is a person's diagnosis: a health detail that must not outlive the
 * claim in history tables, nor be stored at all by the "would this be covered?" check. The claim
 * itself keeps the rule IDs that decided it. All other history is written as before.
 */
@Component
class ExclusionDecisionHistoryFilter extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filtering(configuration.getHistoryEventHandler()));
  }

  static boolean keep(HistoryEvent event) {
    return !(event instanceof HistoricDecisionEvaluationEvent evaluation
        && evaluation.getRootHistoricDecisionInstance() != null
        && DmnExclusionGroups.DECISION_KEY.equals(evaluation.getRootHistoricDecisionInstance().getDecisionDefinitionKey()));
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
      delegate.handleEvents(events.stream().filter(ExclusionDecisionHistoryFilter::keep).toList());
    }
  }
}
