package dk.dss.flexclaims.identity;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Scenarios;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The health team's filters rank trauma first, then by due date, whatever order Tasklist asks for,
 * and show only identifying numbers and the cover (TaskListAndCockpitIT shows it in the browser).
 */
@FlexIntegrationTest
class TasklistFiltersTest {

  private static final List<String> FILTERS =
      List.of(
          TasklistFilters.TRAUMA_FIRST,
          TasklistFilters.MY_GROUPS,
          TasklistFilters.MINE,
          TasklistFilters.OVERDUE,
          TasklistFilters.DUE_TODAY);

  @Autowired MockMvc mvc;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @Test
  void everyFilterShowsNumbersAndTheCoverOnlyNoHealthDetail() {
    for (String name : FILTERS) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      @SuppressWarnings("unchecked")
      List<Map<String, String>> variables =
          (List<Map<String, String>>) filter.getProperties().get("variables");
      assertThat(variables)
          .as(name)
          .extracting(v -> v.get("name"))
          .containsExactlyInAnyOrder("claimNumber", "cover", "requestNumber", "complaintNumber");
    }
  }

  @Test
  void traumaComesFirstThoughTasklistAsksForTheLatestCreatedFirst() {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1979, 5, 5));
    Map<String, Object> traumaClaim = claim(policy, "TRAUMA", "F43.0", LocalDate.now());
    traumaClaim.put(
        "incident",
        Map.of(
            "type",
            "ROBBERY_ASSAULT",
            "occurredAt",
            OffsetDateTime.now(ZoneId.of("Europe/Copenhagen"))
                .minusHours(2)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString(),
            "policeReport",
            "AAR-2026-3102"));
    String trauma = scenarios.report(traumaClaim);
    runDueJobs(trauma);
    String physio =
        scenarios.report(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)),
                LocalDate.now().minusDays(3)));
    runDueJobs(physio);

    String myGroups =
        filters.createFilterQuery().filterName(TasklistFilters.MY_GROUPS).singleResult().getId();
    identity.setAuthentication("nina", List.of(Groups.HEALTH_TEAM));
    try {
      // what Tasklist sends by default: the latest created first
      List<Task> listed =
          filters.list(
              myGroups,
              tasks
                  .createTaskQuery()
                  .processInstanceBusinessKeyIn(trauma, physio)
                  .orderByTaskCreateTime()
                  .desc());
      assertThat(listed).extracting(Task::getPriority).containsExactly(90, 50);
      assertThat(listed.get(0).getDueDate()).isBefore(listed.get(1).getDueDate());
    } finally {
      identity.clearAuthentication();
    }
  }

  private void runDueJobs(String claimNumber) {
    EngineTime.runDueJobs(
        management,
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId());
  }
}
