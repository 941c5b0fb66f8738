package dk.dss.flexclaims.support;

import dk.dss.flexclaims.identity.AccessPolicy;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.identity.IdentitySetup;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Open tasks of the health team in volume, and the team's "My group's open tasks" filter timed as
 * {@code nina} sees it in Tasklist (the first page by due date, and the count). For the task-query
 * test and the benchmark.
 */
public final class HealthTeamTasks {

  /** A callback process whose only task goes to the health team, worked through its grants. */
  public static final String PROCESS = "volume-callback";

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FilterService filters;
  private final IdentityService identity;
  private final IdentitySetup identitySetup;
  private final PlatformTransactionManager transactions;

  public HealthTeamTasks(
      RepositoryService repository,
      RuntimeService runtime,
      TaskService tasks,
      FilterService filters,
      IdentityService identity,
      IdentitySetup identitySetup,
      PlatformTransactionManager transactions) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.filters = filters;
    this.identity = identity;
    this.identitySetup = identitySetup;
    this.transactions = transactions;
  }

  /** Deploys the callback process and grants the health team its tasks, as AccessPolicy does. */
  public void deployCallbackProcess() {
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
  }

  /** Opens that many callback tasks, a thousand to a transaction. */
  public void open(int count) {
    TransactionTemplate batch = new TransactionTemplate(transactions);
    for (int started = 0; started < count; started += 1000) {
      int n = Math.min(1000, count - started);
      batch.executeWithoutResult(
          status -> {
            for (int i = 0; i < n; i++) {
              runtime.startProcessInstanceByKey(PROCESS);
            }
          });
    }
  }

  /** Ends every instance of the callback process: its tasks leave the health team's lists. */
  public void removeAll() {
    List<String> instances =
        runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).list().stream()
            .map(i -> i.getId())
            .toList();
    if (!instances.isEmpty()) {
      runtime.deleteProcessInstances(instances, "test data", true, true);
    }
  }

  public Filter myGroupsFilter() {
    return filters.createFilterQuery().filterName("My group's open tasks").singleResult();
  }

  /** The health team's open tasks, counted exactly (the application's count, not a filter's). */
  public long open() {
    return tasks.createTaskQuery().taskCandidateGroup(Groups.HEALTH_TEAM).active().count();
  }

  /**
   * What nina's filter counts in Tasklist: exact up to 1,000 open tasks, 1,001 above ({@code
   * TaskListQueries}).
   */
  public long count(Filter filter) {
    long[] count = new long[1];
    asNina(() -> count[0] = filters.count(filter.getId()));
    return count[0];
  }

  /**
   * p95 of the first page and the count, over {@code measured} runs after {@code warmUp} runs that
   * are not measured (so that both sides compare compiled code and warm caches); a run slower than
   * {@code giveUpAfterNanos} fails at once.
   */
  public long p95Nanos(Filter filter, int warmUp, int measured, long giveUpAfterNanos) {
    return percentile(timesNanos(filter, warmUp, measured, giveUpAfterNanos), 0.95);
  }

  /** The times of the first page and the count, sorted, as {@link #p95Nanos} measures them. */
  public List<Long> timesNanos(Filter filter, int warmUp, int measured, long giveUpAfterNanos) {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < measured + warmUp; i++) {
      long start = System.nanoTime();
      asNina(
          () -> {
            filters.listPage(filter.getId(), tasks.createTaskQuery().orderByDueDate().asc(), 0, 15);
            filters.count(filter.getId());
          });
      long took = System.nanoTime() - start;
      if (took > giveUpAfterNanos) {
        throw new AssertionError("The health team's filter took " + took / 1_000_000 + " ms");
      }
      if (i >= warmUp) {
        times.add(took);
      }
    }
    times.sort(Long::compare);
    return times;
  }

  /** The value below which that share of the sorted times lies (0.5: the median). */
  public static long percentile(List<Long> sorted, double share) {
    return sorted.get((int) Math.ceil(sorted.size() * share) - 1);
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
