package dk.dss.flexclaims.identity;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withAssault;
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
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The health team's filters rank trauma first, then by due date, whatever order Tasklist asks for,
 * and show only identifying numbers, the person's name and the cover (TaskListAndCockpitIT and
 * TasklistBrowserIT show it in the browser); each has a readable ID.
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
  @Autowired AuthorizationService authorizations;
  @Autowired TasklistFilters tasklistFilters;

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
          .containsExactlyInAnyOrder(
              "claimNumber",
              "viewName",
              "cover",
              "requestNumber",
              "complaintNumber",
              "policyNumber");
    }
  }

  /**
   * Admin lists a filter's grants by the filter's ID: the filters get readable IDs from their
   * purpose, and each group that works tasks is granted reading them by that ID.
   */
  @Test
  void everyFilterHasAReadableIdWhichItsGrantsName() {
    Map<String, String> ids =
        Map.of(
            TasklistFilters.TRAUMA_FIRST_ID, TasklistFilters.TRAUMA_FIRST,
            TasklistFilters.MY_GROUPS_ID, TasklistFilters.MY_GROUPS,
            TasklistFilters.MINE_ID, TasklistFilters.MINE,
            TasklistFilters.OVERDUE_ID, TasklistFilters.OVERDUE,
            TasklistFilters.DUE_TODAY_ID, TasklistFilters.DUE_TODAY);
    ids.forEach(
        (id, name) -> {
          assertThat(filters.getFilter(id)).as(id).isNotNull();
          assertThat(filters.getFilter(id).getName()).isEqualTo(name);
          assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
          for (String group :
              List.of(Groups.HEALTH_TEAM, Groups.TEAM_LEADS, Groups.FINANCE, Groups.COMPLAINTS)) {
            assertThat(
                    authorizations
                        .createAuthorizationQuery()
                        .groupIdIn(group)
                        .resourceType(Resources.FILTER)
                        .resourceId(id)
                        .count())
                .as(group + " reads " + id)
                .isEqualTo(1);
          }
        });
  }

  /**
   * A database whose filters were stored before they had readable IDs keeps them, and gets no
   * second filter of the same name; a filter is created again, with its readable ID, only once it
   * is gone.
   */
  @Test
  void aFilterStoredWithAGeneratedIdIsKept() {
    Filter readable = filters.getFilter(TasklistFilters.OVERDUE_ID);
    filters.deleteFilter(TasklistFilters.OVERDUE_ID);
    Filter earlier =
        filters
            .newTaskFilter(TasklistFilters.OVERDUE)
            .setQuery(readable.getQuery())
            .setProperties(readable.getProperties());
    filters.saveFilter(earlier);
    try {
      assertThat(earlier.getId()).isNotEqualTo(TasklistFilters.OVERDUE_ID);
      tasklistFilters.apply();
      assertThat(filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).list())
          .extracting(Filter::getId)
          .containsExactly(earlier.getId());
      assertThat(filters.getFilter(TasklistFilters.OVERDUE_ID)).isNull();
    } finally {
      filters.deleteFilter(earlier.getId());
      tasklistFilters.apply();
    }
    assertThat(filters.getFilter(TasklistFilters.OVERDUE_ID).getName())
        .isEqualTo(TasklistFilters.OVERDUE);
  }

  @Test
  void traumaComesFirstThoughTasklistAsksForTheLatestCreatedFirst() {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1979, 5, 5));
    Map<String, Object> traumaClaim = claim(policy, "TRAUMA", "F43.0", LocalDate.now());
    withAssault(
        traumaClaim,
        OffsetDateTime.now(ZoneId.of("Europe/Copenhagen"))
            .minusHours(2)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString(),
        "AAR-2026-3102");
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
