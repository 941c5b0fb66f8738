package dk.dss.flexclaims.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.identity.IdentitySetup;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HealthTeamTasks;
import dk.dss.flexclaims.support.RunsLast;
import dk.dss.flexclaims.support.TestDatabase;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The health team's Tasklist filter at volume: with 10,000 more open tasks of the team (a trauma
 * storm's callbacks) the first page and the count of "My group's open tasks", as Tasklist asks for
 * them, take at most twice as long as before (printed with the ratio). Tasks are worked through the
 * group's grants on the process definition, not one authorization row per task (ADR 0020); the page
 * is selected by ID along the ranking index and the filter's count stops at 1,001 (ADR 0024). Runs
 * last: the open tasks stay.
 */
@FlexIntegrationTest
@RunsLast
class TaskQueryAtVolumeTest {

  static final int TASKS = 10_000;

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
  void theHealthTeamsFilterAtTenThousandMoreOpenTasksTakesAtMostTwiceAsLong() {
    HealthTeamTasks healthTeam =
        new HealthTeamTasks(
            repository, runtime, tasks, filters, identity, identitySetup, transactions);
    healthTeam.deployCallbackProcess();
    Filter myGroups = healthTeam.myGroupsFilter();

    List<Long> before = healthTeam.timesNanos(myGroups, 50, 40, 5_000_000_000L);
    long openBefore = healthTeam.open();
    healthTeam.open(TASKS);

    if (TestDatabase.postgres()) {
      // what autovacuum does within a minute of such a wave: the planner sees the new rows
      jdbc.sql("ANALYZE").update();
    }
    assertThat(healthTeam.open()).isEqualTo(openBefore + TASKS);
    assertThat(healthTeam.count(myGroups))
        .as("Tasklist's count of the filter stops one above the limit")
        .isEqualTo(1_001);
    assertThat(
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list().stream()
                .filter(a -> !Authorization.ANY.equals(a.getResourceId()))
                .filter(a -> !Groups.FINANCE.equals(a.getGroupId())))
        .as("authorization rows of single tasks outside finance")
        .isEmpty();
    List<Long> after = healthTeam.timesNanos(myGroups, 50, 40, 5_000_000_000L);
    long medianBefore = HealthTeamTasks.percentile(before, 0.5);
    long medianAfter = HealthTeamTasks.percentile(after, 0.5);
    System.out.printf(
        "Health team's filter, first page and count, median (p95): %.1f ms (%.1f) with %d open"
            + " tasks, %.1f ms (%.1f) with %d (ratio of the medians %.2f)%n",
        medianBefore / 1e6,
        HealthTeamTasks.percentile(before, 0.95) / 1e6,
        openBefore,
        medianAfter / 1e6,
        HealthTeamTasks.percentile(after, 0.95) / 1e6,
        openBefore + TASKS,
        (double) medianAfter / medianBefore);
    // The page is selected by ID along the ranking index and stops after 15; the count stops at
    // 1,001 (ADR 0024): the volume adds the count's 1,001 rows at most. The medians within 2x,
    // with 5 ms for the noise of a shared machine (a p95 here rests on two of 40 runs; the
    // benchmark's p95 has 100 runs on a quiet machine); the engine's own statements took 16x here.
    assertThat(medianAfter)
        .as("median with %d more open tasks against %.1f ms before", TASKS, medianBefore / 1e6)
        .isLessThanOrEqualTo(2 * medianBefore + 5_000_000L);
  }
}
