package dk.dss.flexclaims.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every group a diagram gives tasks to can work them (ADR 0020): a health-team, team-lead or
 * complaints task lies in a definition the group has task grants on; a finance task is worked
 * through its own authorization row.
 */
class AccessPolicyTest {

  @Test
  void everyCandidateGroupOfEveryDiagramCanWorkItsTasks() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Resource diagram :
        new PathMatchingResourcePatternResolver().getResources("classpath*:processes/**/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = diagram.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String processKey = processOf(task);
        String groups = task.getCamundaCandidateGroups();
        assertThat(groups)
            .as("%s in %s has a candidate group", task.getId(), processKey)
            .isNotBlank();
        for (String group : groups.split(",")) {
          String g = group.strip();
          if (AccessPolicy.PER_TASK_GROUPS.contains(g)) {
            checked.add(g + "@" + processKey);
            continue;
          }
          assertThat(AccessPolicy.TASK_DEFINITIONS.getOrDefault(g, List.of()))
              .as("group %s works %s of %s", g, task.getId(), processKey)
              .contains(processKey);
          assertThat(AccessPolicy.WORKED_PROCESSES).contains(processKey);
          checked.add(g + "@" + processKey);
        }
      }
    }
    assertThat(checked).contains("health-team@claim-handling", "finance@claim-handling");
  }

  @Test
  void teamLeadsWorkEveryDefinitionOfTheHealthTeam() {
    assertThat(AccessPolicy.TASK_DEFINITIONS.get(Groups.TEAM_LEADS))
        .containsAll(AccessPolicy.TASK_DEFINITIONS.get(Groups.HEALTH_TEAM));
    assertThat(AccessPolicy.TASK_DEFINITIONS.get(Groups.FINANCE)).isEmpty();
  }

  private static String processOf(UserTask task) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = task.getParentElement();
    while (!(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return ((Process) parent).getId();
  }
}
