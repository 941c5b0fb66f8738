package dk.dss.flexclaims.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.identity.AccessPolicy;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.identity.IdentitySetup;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.RunsLast;
import dk.dss.flexclaims.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The health team's Tasklist filter at volume: with 10,000 more open tasks of the team (a trauma
 * storm's callbacks) the first page and the count of "My group's open tasks", as Tasklist asks for
 * them, stay well under a second (printed beside the time before, with the ratio). Tasks are worked
 * through the group's grants on the process definition, so the query joins a handful of grants, not
 * one row per task (ADR 0020). Runs last: the open tasks stay.
 */
@FlexIntegrationTest
@RunsLast
class TaskQueryAtVolumeTest {

  static final int TASKS = 10_000;
  static final String PROCESS = "volume-callback";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentitySetup identitySetup;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void theHealthTeamsFilterAtTenThousandOpenTasksStaysWellUnderASecond() {
    repository
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_CallBack")
                .name("Call the insured back")
                .camundaCandidateGroups(Groups.HEALTH_TEAM)
                .camundaDueDate("${dateTime().plusHours(3).toDate()}")
                .endEvent()
                .done())
        .deploy();
    identitySetup.grant(
        Groups.HEALTH_TEAM,
        Resources.PROCESS_DEFINITION,
        PROCESS,
        AccessPolicy.TASK_WORK_PERMISSIONS);
    Filter myGroups =
        filters.createFilterQuery().filterName("My group's open tasks").singleResult();

    long before = p95Nanos(myGroups);
    long openBefore = countAsNina(myGroups);

    TransactionTemplate batch = new TransactionTemplate(transactions);
    for (int started = 0; started < TASKS; started += 500) {
      batch.executeWithoutResult(
          status -> {
            for (int i = 0; i < 500; i++) {
              runtime.startProcessInstanceByKey(PROCESS);
            }
          });
    }

    if (TestDatabase.postgres()) {
      // what autovacuum does within a minute of such a wave: the planner sees the new rows
      jdbc.sql("ANALYZE").update();
    }
    assertThat(countAsNina(myGroups)).isEqualTo(openBefore + TASKS);
    assertThat(
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list().stream()
                .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
                .filter(a -> !Groups.FINANCE.equals(a.getGroupId())))
        .as("authorization rows of single tasks outside finance")
        .isEmpty();
    long after = p95Nanos(myGroups);
    System.out.printf(
        "Health team's filter, first page and count, p95: %.1f ms with %d open tasks,"
            + " %.1f ms with %d (ratio %.2f)%n",
        before / 1e6, openBefore, after / 1e6, openBefore + TASKS, (double) after / before);
    // The engine's task query stays linear in the group's open tasks (its DISTINCT over the
    // candidate-group join and the join with the group's few definition grants, ADR 0020): bounded
    // here in absolute terms; one authorization row per task made it 6 s a page at this volume.
    assertThat(after / 1_000_000).as("p95 in ms at %d more open tasks", TASKS).isLessThan(1_000);
  }

  /** First page sorted by due date and the count, as nina sees them in Tasklist; p95 of 20. */
  private long p95Nanos(Filter filter) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      long start = System.nanoTime();
      asNina(
          () -> {
            filters.listPage(filter.getId(), tasks.createTaskQuery().orderByDueDate().asc(), 0, 15);
            filters.count(filter.getId());
          });
      long took = System.nanoTime() - start;
      if (took > 5_000_000_000L) {
        throw new AssertionError("The health team's filter took " + took / 1_000_000 + " ms");
      }
      if (i >= 5) {
        times.add(took);
      }
    }
    times.sort(Long::compare);
    return times.get((int) Math.ceil(times.size() * 0.95) - 1);
  }

  private long countAsNina(Filter filter) {
    long[] count = new long[1];
    asNina(() -> count[0] = filters.count(filter.getId()));
    return count[0];
  }

  private void asNina(Runnable query) {
    identity.setAuthentication("nina", List.of(Groups.HEALTH_TEAM));
    try {
      query.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
