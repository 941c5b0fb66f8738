package dk.dss.flexclaims.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.dss.flexclaims.FlexClaimsApplication;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.identity.IdentitySetup;
import dk.dss.flexclaims.sla.ServiceLevelKind;
import dk.dss.flexclaims.sla.ServiceLevelService;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.HealthTeamTasks;
import dk.dss.flexclaims.support.Scenarios;
import dk.dss.flexclaims.support.Scenarios.PolicyRef;
import dk.dss.flexclaims.support.TestDatabase;
import dk.dss.flexclaims.support.TestDatabaseInitializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The project's benchmark (docs/performance.md): {@code mvn -B -ntp -Pbenchmark test}, against a
 * fresh PostgreSQL database, with the job executor of the application's settings. Prints, measured
 * side by side in one run:
 *
 * <ol>
 *   <li>full claims (reported, checked, assessed, approved, one invoice settled and paid) against a
 *       bare process with the same wait states and the same number of steps run by the job
 *       executor, in alternating rounds: the rate ratio;
 *   <li>a timer storm: {@code flex.benchmark.timers} (10,000) service-level timers due at the same
 *       instant, each recording a breach on its clock as the deadline timers do: count, p50/p99
 *       lateness, rate;
 *   <li>the health team's Tasklist filter (first page by due date, and the count) with no open
 *       tasks and with {@code flex.benchmark.tasks} (100,000): p95 of each and the ratio.
 * </ol>
 *
 * {@code -Dflex.benchmark.parts=storm} (or {@code claims}, {@code nodes} for the storm again with a
 * second node on the same database, {@code tasks}; comma-separated) runs only those parts. Not part
 * of {@code mvn verify} (the class name does not end in Test).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class ClaimsBenchmark {

  static final int TIMERS = Integer.getInteger("flex.benchmark.timers", 10_000);
  static final int TASKS = Integer.getInteger("flex.benchmark.tasks", 100_000);
  static final int CLAIMS_PER_ROUND = Integer.getInteger("flex.benchmark.claims", 40);
  static final int ROUNDS = 3;

  /** Which parts run: {@code claims,storm,nodes,tasks} (all by default). */
  static final String PARTS =
      System.getProperty("flex.benchmark.parts", "claims,storm,nodes,tasks");

  /** When each storm timer ran, against the instant all were due. */
  static final ConcurrentLinkedQueue<Long> LATENESS_MS = new ConcurrentLinkedQueue<>();

  static volatile long dueAtMillis;

  @TestConfiguration
  static class StormSteps {
    /** As a deadline timer does: the breach recorded on the clock of its process. */
    @Bean
    JavaDelegate stormBreach(ServiceLevelService serviceLevels) {
      return execution -> {
        serviceLevels.breach(execution.getProcessInstanceId(), Groups.HEALTH_TEAM);
        LATENESS_MS.add(System.currentTimeMillis() - dueAtMillis);
      };
    }

    @Bean
    JavaDelegate nothing() {
      return execution -> {};
    }
  }

  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired IdentitySetup identitySetup;
  @Autowired ServiceLevelService serviceLevels;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired Environment environment;

  private final List<String> report = new ArrayList<>();

  /** Where a claim's time goes, summed over the rounds: the six phases of a full or bare claim. */
  private static final String[] PHASES = {
    "start",
    "steps before the assessment",
    "assessment",
    "steps before the invoice",
    "invoice",
    "steps after it"
  };

  private final long[] fullPhases = new long[PHASES.length];
  private final long[] barePhases = new long[PHASES.length];
  private boolean timing;

  @Test
  void fullClaimsTimerStormAndTheTaskQuery() throws IOException {
    assertThat(TestDatabase.postgres())
        .as("the benchmark runs on PostgreSQL (-Pbenchmark)")
        .isTrue();
    line(
        "Flex Claims benchmark, "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, PostgreSQL");
    JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
    jobExecutor.shutdown(); // the rounds run their steps themselves; the storm uses the executor

    HealthTeamTasks healthTeam =
        new HealthTeamTasks(
            repository, runtime, tasks, filters, identity, identitySetup, transactions);
    healthTeam.deployCallbackProcess();
    Filter myGroups = healthTeam.myGroupsFilter();
    long openAtStart = healthTeam.open();
    long emptyP95 = healthTeam.p95Nanos(myGroups, 200, 100, Long.MAX_VALUE);

    if (PARTS.contains("claims")) {
      fullAgainstBare();
    }
    if (PARTS.contains("storm")) {
      jobExecutor.start();
      timerStorm("one node");
      jobExecutor.shutdown();
    }
    if (PARTS.contains("nodes")) {
      jobExecutor.start();
      try (ConfigurableApplicationContext second = secondNode()) {
        timerStorm("two nodes on these cores");
      }
      jobExecutor.shutdown();
    }
    if (!PARTS.contains("tasks")) {
      write();
      return;
    }

    healthTeam.open(TASKS);
    jdbc.sql("ANALYZE").update();
    long fullP95 = healthTeam.p95Nanos(myGroups, 200, 100, Long.MAX_VALUE);
    line(
        String.format(
            "Task query (health team's filter, page + count), p95: %.1f ms with %d open tasks,"
                + " %.1f ms with %d: ratio %.2f (target at most 2)",
            emptyP95 / 1e6,
            openAtStart,
            fullP95 / 1e6,
            healthTeam.open(),
            (double) fullP95 / emptyP95));

    write();
  }

  private void write() throws IOException {
    Path out = Path.of("target", "benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println(String.join(System.lineSeparator(), report));
  }

  // 1. full claims against a bare process with the same wait states

  private void fullAgainstBare() {
    Scenarios scenarios = new Scenarios(mvc);
    EngineTime.reset();
    PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1980, 5, 10));
    int[] steps = fullClaim(scenarios, policy, "WARM-0"); // its steps per phase
    deployBareProcess(steps);
    // a round of each, not measured, so that the rounds compare compiled code with compiled code
    for (int i = 1; i <= CLAIMS_PER_ROUND; i++) {
      fullClaim(scenarios, policy, "WARM-" + i);
      bareClaim();
    }
    line(
        String.format(
            "Full claim: %d, %d and %d steps run by the job executor before the assessment, before"
                + " the invoice and after it; the bare process has the same",
            steps[0], steps[1], steps[2]));
    double fullTotal = 0;
    double bareTotal = 0;
    timing = true;
    for (int round = 1; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < CLAIMS_PER_ROUND; i++) {
        fullClaim(scenarios, policy, "R" + round + "-" + i);
      }
      double fullRate = CLAIMS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      for (int i = 0; i < CLAIMS_PER_ROUND; i++) {
        bareClaim();
      }
      double bareRate = CLAIMS_PER_ROUND / ((System.nanoTime() - start) / 1e9);
      fullTotal += fullRate;
      bareTotal += bareRate;
      line(
          String.format(
              "Round %d: full claims %.1f/s, bare process %.1f/s: ratio %.2f",
              round, fullRate, bareRate, fullRate / bareRate));
    }
    timing = false;
    line(
        String.format(
            "Full claims against bare, %d rounds of %d: ratio %.2f (target at least 0.8)",
            ROUNDS, CLAIMS_PER_ROUND, fullTotal / bareTotal));
    int claims = ROUNDS * CLAIMS_PER_ROUND;
    StringBuilder phases = new StringBuilder("Per claim, full against bare (ms):");
    for (int i = 0; i < PHASES.length; i++) {
      phases.append(
          String.format(
              " %s %.1f / %.1f;",
              PHASES[i], fullPhases[i] / 1e6 / claims, barePhases[i] / 1e6 / claims));
    }
    line(phases.substring(0, phases.length() - 1));
    databaseWork(scenarios, policy);
  }

  /**
   * What each kind of claim asks of PostgreSQL: transactions committed and rows written per claim,
   * from the database's own statistics (which the connections report once idle for a while).
   */
  private void databaseWork(Scenarios scenarios, PolicyRef policy) {
    int claims = 20;
    long[] start = databaseCounters();
    for (int i = 0; i < claims; i++) {
      fullClaim(scenarios, policy, "DB-" + i);
    }
    long[] afterFull = databaseCounters();
    for (int i = 0; i < claims; i++) {
      bareClaim();
    }
    long[] afterBare = databaseCounters();
    line(
        String.format(
            "Per claim in PostgreSQL, full against bare: %.1f / %.1f transactions, %.1f / %.1f rows"
                + " written",
            (afterFull[0] - start[0]) / (double) claims,
            (afterBare[0] - afterFull[0]) / (double) claims,
            (afterFull[1] - start[1]) / (double) claims,
            (afterBare[1] - afterFull[1]) / (double) claims));
  }

  /** Commits and rows written in this database so far, once every connection has reported. */
  private long[] databaseCounters() {
    pauseMillis(12_000); // an idle connection reports its statistics within 10 s
    return jdbc.sql(
            "SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database"
                + " WHERE datname = current_database()")
        .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  /** Adds the time since {@code since} to the phase; answers now. */
  private long phase(long[] phases, int phase, long since) {
    long now = System.nanoTime();
    if (timing) {
      phases[phase] += now - since;
    }
    return now;
  }

  /** One claim from report to its first invoice paid; answers the steps run in each phase. */
  private int[] fullClaim(Scenarios scenarios, PolicyRef policy, String invoiceNumber) {
    long t = System.nanoTime();
    String claimNumber =
        scenarios.report(Scenarios.claim(policy, "CHIRO", "M54.5", LocalDate.now().minusDays(20)));
    String pid =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .processDefinitionKey("claim-handling")
            .singleResult()
            .getId();
    t = phase(fullPhases, 0, t);
    int before = EngineTime.runDueJobs(management, pid);
    t = phase(fullPhases, 1, t);
    Task assessment =
        tasks
            .createTaskQuery()
            .processInstanceId(pid)
            .taskDefinitionKey("Task_AssessClaim")
            .singleResult();
    tasks.complete(
        assessment.getId(), Map.of("assessmentDecision", "APPROVE", "approvedTreatments", 4));
    t = phase(fullPhases, 2, t);
    int between = EngineTime.runDueJobs(management, pid);
    t = phase(fullPhases, 3, t);
    JsonNode accepted =
        scenarios.acceptedInvoice(
            claimNumber,
            Scenarios.invoice(
                invoiceNumber + "-" + claimNumber,
                Scenarios.line(LocalDate.now().minusDays(1), "TREATMENT", "500.00")));
    t = phase(fullPhases, 4, t);
    int after = EngineTime.runDueJobs(management, pid);
    phase(fullPhases, 5, t);
    assertThat(accepted).isNotNull();
    return new int[] {before, between, after};
  }

  private void deployBareProcess(int[] steps) {
    ProcessBuilder process = Bpmn.createExecutableProcess("bare-claim").camundaHistoryTimeToLive(1);
    AbstractFlowNodeBuilder<?, ?> flow = process.startEvent();
    flow = asyncSteps(flow, "before", steps[0]);
    flow = flow.userTask("Task_Assess").camundaCandidateGroups(Groups.HEALTH_TEAM).name("Assess");
    flow = asyncSteps(flow, "between", steps[1]);
    flow = flow.intermediateCatchEvent("Invoice").message("BareInvoiceReceived");
    flow = asyncSteps(flow, "after", steps[2]);
    flow = flow.userTask("Task_Course").camundaCandidateGroups(Groups.HEALTH_TEAM);
    repository
        .createDeployment()
        .addModelInstance("bare-claim.bpmn", flow.endEvent().done())
        .deploy();
  }

  private static AbstractFlowNodeBuilder<?, ?> asyncSteps(
      AbstractFlowNodeBuilder<?, ?> flow, String name, int count) {
    for (int i = 0; i < count; i++) {
      flow =
          flow.serviceTask("Step_" + name + "_" + i)
              .camundaAsyncBefore()
              .camundaDelegateExpression("${nothing}");
    }
    return flow;
  }

  private void bareClaim() {
    long t = System.nanoTime();
    ProcessInstance instance = runtime.startProcessInstanceByKey("bare-claim");
    t = phase(barePhases, 0, t);
    EngineTime.runDueJobs(management, instance.getId());
    t = phase(barePhases, 1, t);
    Task assess =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey("Task_Assess")
            .singleResult();
    tasks.complete(assess.getId());
    t = phase(barePhases, 2, t);
    EngineTime.runDueJobs(management, instance.getId());
    t = phase(barePhases, 3, t);
    runtime
        .createMessageCorrelation("BareInvoiceReceived")
        .processInstanceId(instance.getId())
        .correlate();
    t = phase(barePhases, 4, t);
    EngineTime.runDueJobs(management, instance.getId());
    phase(barePhases, 5, t);
  }

  // 2. the timer storm

  /**
   * A second application node on the benchmark's database, with its own engine and job executor and
   * the storm's step, as {@code TwoNodesTest} starts its nodes.
   */
  private ConfigurableApplicationContext secondNode() {
    return new SpringApplicationBuilder(FlexClaimsApplication.class, StormSteps.class)
        .profiles("test")
        .run(
            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
            "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
            "--spring.datasource.password="
                + environment.getProperty("spring.datasource.password", ""),
            "--server.port=0",
            "--camunda.bpm.process-engine-name=nodeb",
            "--camunda.bpm.generic-properties.properties.hostname=node-b",
            "--camunda.bpm.job-execution.enabled=true",
            "--spring.autoconfigure.exclude="
                + "org.camunda.community.process_test_coverage.spring_test.platform7"
                + ".ProcessEngineCoverageConfiguration");
  }

  private void timerStorm(String nodes) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey("storm-timer").count() > 0) {
      stormOnce(nodes);
      return;
    }
    repository
        .createDeployment()
        .addModelInstance(
            "storm-timer.bpmn",
            Bpmn.createExecutableProcess("storm-timer")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Timer_Deadline")
                .timerWithDate("${dueAt}")
                .serviceTask("Task_RecordBreach")
                .camundaDelegateExpression("${stormBreach}")
                .endEvent()
                .done())
        .deploy();
    stormOnce(nodes);
  }

  private void stormOnce(String nodes) {
    Scenarios scenarios = new Scenarios(mvc);
    PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1975, 1, 2));
    String claimNumber =
        scenarios.report(Scenarios.claim(policy, "CHIRO", "M54.5", LocalDate.now().minusDays(3)));
    Date later = Date.from(Instant.now().plusSeconds(24 * 3600));
    TransactionTemplate batch = new TransactionTemplate(transactions);
    for (int started = 0; started < TIMERS; started += 500) {
      int count = Math.min(500, TIMERS - started);
      batch.executeWithoutResult(
          status -> {
            for (int i = 0; i < count; i++) {
              String pid =
                  runtime.startProcessInstanceByKey("storm-timer", Map.of("dueAt", later)).getId();
              serviceLevels.start(claimNumber, ServiceLevelKind.SLA_EXAM_10WD, pid, Instant.now());
            }
          });
    }
    LATENESS_MS.clear();
    dueAtMillis = System.currentTimeMillis() + 3_000;
    jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = :due WHERE PROCESS_DEF_KEY_ = 'storm-timer'")
        .param("due", new Timestamp(dueAtMillis))
        .update();
    // in production the deadlines are written days before they fall due, and the statistics
    // PostgreSQL plans the acquisition with have seen them; here they were moved a moment ago
    jdbc.sql("ANALYZE ACT_RU_JOB").update();
    long deadline = System.currentTimeMillis() + 15 * 60_000;
    while (LATENESS_MS.size() < TIMERS && System.currentTimeMillis() < deadline) {
      pause();
    }
    List<Long> lateness = new ArrayList<>(LATENESS_MS);
    Collections.sort(lateness);
    long last = lateness.get(lateness.size() - 1);
    long first = Math.max(1, lateness.get(0));
    line(
        String.format(
            "Timer storm, %s: %d of %d timers due at one instant fired; lateness p50 %.1f s,"
                + " p99 %.1f s, max %.1f s; %.0f timers/s (target p99 under 30 s on one node)",
            nodes,
            lateness.size(),
            TIMERS,
            percentile(lateness, 0.50) / 1000.0,
            percentile(lateness, 0.99) / 1000.0,
            last / 1000.0,
            lateness.size() / ((last - Math.min(first, last)) / 1000.0 + 1e-3)));
    if (nodes.startsWith("two")) {
      // which node ran them, from the job log (each engine logs its host name)
      line(
          "  run by: "
              + jdbc.sql(
                      "SELECT hostname_, COUNT(*) FROM act_hi_job_log WHERE process_def_key_ ="
                          + " 'storm-timer' AND job_state_ = 2 AND timestamp_ >= :due"
                          + " GROUP BY hostname_ ORDER BY hostname_")
                  .param("due", new Timestamp(dueAtMillis - 1_000))
                  .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
                  .list());
    }
  }

  /** The benchmark waits for the job executor in real time: the storm is about real time. */
  private static void pause() {
    pauseMillis(200);
  }

  private static void pauseMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
  }

  private void line(String text) {
    report.add(text);
    System.out.println("BENCHMARK " + text);
  }
}
