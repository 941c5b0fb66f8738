package dk.dss.flexclaims.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.variable.Variables.createVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.FlexClaimsApplication;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.HttpCalls;
import dk.dss.flexclaims.support.RunsLast;
import dk.dss.flexclaims.support.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes, each with its own engine, job executor and port, started at the same
 * moment on one empty PostgreSQL database (ADR 0023): both start; the schema, the release's
 * deployment, the identity set-up and the demo data are made once; claims reported on node A are
 * assessed on node B and their invoices settled; every timer and async step runs exactly once
 * across both nodes (one approval letter, one payment per invoice). Then node A takes the due
 * assessment timers of further claims and is killed before it runs them: node B leaves them alone
 * while A's lock lasts (5 minutes on the engine clock) and runs each of them once after it. On H2
 * there is one process and nothing to show.
 */
@EnabledIfSystemProperty(named = "flex.test.database", matches = "(?i)postgres")
// last: the two nodes' engines, once closed, leave the webapps of the shared test application
// without their "default" engine for the classes that would come after
@RunsLast
class TwoNodesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final int CLAIMS = 8;
  private static final int HELD_CLAIMS = 4;
  private static final List<String> TAKEN_OVER_STEPS =
      List.of(
          "Timer_AssessmentAtRisk",
          "Task_RecordAssessmentEscalation",
          "Task_FollowUpAssessment",
          "Timer_AssessmentDeadline",
          "Task_RecordAssessmentBreach");

  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
  private TestDatabase.Connection db;

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
    EngineTime.reset();
  }

  @Test
  void twoNodesStartTogetherShareTheWorkExactlyOnceAndTakeOverAKilledNodesJobs() throws Exception {
    db = TestDatabase.create("two_nodes");
    EngineTime.reset();
    startTogether("node-a", "node-b");
    ConfigurableApplicationContext nodeA = nodes.get(0);
    ConfigurableApplicationContext nodeB = nodes.get(1);

    madeOnce();

    // claims reported on a Friday on node A; the checks before the assessment run on both nodes
    EngineTime.setNow(LocalDateTime.of(2026, 3, 27, 10, 0));
    HttpCalls portalA = HttpCalls.basic(port(nodeA), "nina", "demo");
    HttpCalls nurseB = HttpCalls.basic(port(nodeB), "nina", "demo");
    JsonNode policy = importPolicy(HttpCalls.basic(port(nodeA), "admin", "admin"));
    List<String> claims = new ArrayList<>();
    for (int i = 0; i < CLAIMS; i++) {
      claims.add(report(portalA, policy));
    }
    TaskService tasksB = nodeB.getBean(TaskService.class);
    awaitUntil(
        "every claim waits for its assessment",
        () -> claims.stream().allMatch(claim -> assessmentOf(tasksB, claim) != null));

    // the assessment's service level is missed (due Monday 23:59:59): two timers per claim fire
    EngineTime.setNow(LocalDateTime.of(2026, 3, 31, 10, 0));
    ManagementService managementA = nodeA.getBean(ManagementService.class);
    awaitUntil("the due timers have fired", () -> noJobDue(managementA));
    assertThat(count("act_hi_actinst where act_id_ = 'Timer_AssessmentAtRisk'")).isEqualTo(CLAIMS);
    assertThat(count("act_hi_actinst where act_id_ = 'Timer_AssessmentDeadline'"))
        .isEqualTo(CLAIMS);

    // assessed on node B
    for (String claim : claims) {
      tasksB.complete(
          assessmentOf(tasksB, claim).getId(),
          createVariables()
              .putValue("assessmentDecision", "APPROVE")
              .putValue("approvedTreatments", 8)
              .putValue("assessmentNote", "Shoulder, eight sessions"));
    }
    awaitUntil(
        "every claim is approved",
        () -> claims.stream().allMatch(claim -> "APPROVED".equals(status(nurseB, claim))));

    // an invoice per claim sent to node A, settled by whichever node takes the job
    EngineTime.setNow(LocalDateTime.of(2026, 4, 15, 9, 0));
    for (String claim : claims) {
      HttpResponse<String> sent =
          portalA.postJson(
              "/api/claims/" + claim + "/invoices",
              """
              {"invoiceNumber":"INV-%s","provider":{"name":"Klinik Vest ApS","providerNumber":"123456",
               "relatedToInsured":false},"lines":[{"date":"2026-04-01","type":"TREATMENT",
               "amount":400.00,"publicSubsidy":0,"danmarkSubsidy":0}]}"""
                  .formatted(claim));
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
    }
    awaitUntil(
        "every invoice is settled",
        () ->
            claims.stream()
                .allMatch(
                    claim ->
                        "SETTLED"
                            .equals(
                                field(
                                    nurseB.get("/api/claims/" + claim + "/invoices/INV-" + claim),
                                    "status"))));
    awaitUntil("no job is left", () -> noJobDue(managementA));

    takeOverWhatAKilledNodeHeld(nodeA, nodeB, policy);

    for (String claim : claims) {
      assertThat(
              count(
                  "flex_letters where claim_number = '" + claim + "' and letter_type = 'APPROVAL'"))
          .as("approval letters of " + claim)
          .isEqualTo(1);
      assertThat(count("flex_payments where claim_number = '" + claim + "'"))
          .as("payments of " + claim)
          .isEqualTo(1);
    }
    assertThat(
            strings(
                "select concat_ws(' ', claim_number, letter_type, count(*)) from flex_letters"
                    + " where claim_number is not null group by claim_number, letter_type"
                    + " having count(*) > 1"))
        .as("claim letters sent twice")
        .isEmpty();
    assertThat(
            strings(
                "select concat_ws(' ', policy_number, period_from, count(*))"
                    + " from flex_premium_invoices group by policy_number, period_from"
                    + " having count(*) > 1"))
        .as("premium periods invoiced twice (the policies' monthly timers)")
        .isEmpty();
    assertThat(
            count(
                "flex_letters where letter_type = 'PREMIUM_INVOICE' and policy_number = '"
                    + policy.get("policyNumber").asText()
                    + "'"))
        .isEqualTo(
            count(
                "flex_premium_invoices where policy_number = '"
                    + policy.get("policyNumber").asText()
                    + "'"));
    assertThat(
            count(
                "(select job_id_ from act_hi_job_log where job_state_ = 2"
                    + " group by job_id_ having count(*) > 1) twice"))
        .as("jobs that ran successfully more than once")
        .isZero();
    assertThat(count("act_hi_job_log where job_state_ = 1")).as("failed job runs").isZero();
    assertThat(strings("select distinct hostname_ from act_hi_job_log where job_state_ = 2"))
        .as("both nodes' job executors did work")
        .containsExactlyInAnyOrder("node-a", "node-b");
  }

  /**
   * Node A takes the service-level timers of a few claims the moment they fall due and dies before
   * it runs them: nothing unlocks them (a killed JVM does nothing, and an engine that closes leaves
   * the jobs it acquired but did not hand to its thread pool locked). Node B leaves them alone
   * while A's lock lasts and runs each of them, and the steps they lead to, once after the lock
   * time.
   */
  private void takeOverWhatAKilledNodeHeld(
      ConfigurableApplicationContext nodeA, ConfigurableApplicationContext nodeB, JsonNode policy)
      throws Exception {
    HttpCalls portalB = HttpCalls.basic(port(nodeB), "nina", "demo");
    List<String> claims = new ArrayList<>();
    for (int i = 0; i < HELD_CLAIMS; i++) {
      claims.add(report(portalB, policy));
    }
    TaskService tasksB = nodeB.getBean(TaskService.class);
    awaitUntil(
        "every claim waits for its assessment",
        () -> claims.stream().allMatch(claim -> assessmentOf(tasksB, claim) != null));
    ManagementService managementB = nodeB.getBean(ManagementService.class);
    awaitUntil("the checks have run", () -> noJobDue(managementB));
    String inClaims = "('" + String.join("', '", claims) + "')";

    // the assessment's deadline comes (SLA_ASSESS_1WD: escalation and breach at the same instant)
    // and node A wins the race for the timers: with both job executors paused, A's acquisition
    // command, with A's lock owner and lock time, takes all of them at once (A's own acquisition
    // would take them a few at a time into its queue)
    ProcessEngineConfigurationImpl engineA = engine(nodeA);
    ProcessEngineConfigurationImpl engineB = engine(nodeB);
    engineA.getJobExecutor().shutdown();
    engineB.getJobExecutor().shutdown();
    EngineTime.setNow(
        instant(
            "select max(due_at) from flex_sla_clocks where kind = 'SLA_ASSESS_1WD'"
                + " and claim_number in "
                + inClaims));
    JobExecutor jobExecutorA = engineA.getJobExecutor();
    List<String> held =
        engineA
            .getCommandExecutorTxRequired()
            .execute(new AcquireJobsCmd(jobExecutorA, 100))
            .getJobIdBatches()
            .stream()
            .flatMap(List::stream)
            .toList();
    assertThat(held)
        .as("node A holds the claims' due timers")
        .containsExactlyInAnyOrderElementsOf(
            strings(
                "select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_"
                    + " join act_ru_execution e on e.id_ = j.process_instance_id_"
                    + " where d.act_id_ in ('Timer_AssessmentAtRisk', 'Timer_AssessmentDeadline')"
                    + " and e.business_key_ in "
                    + inClaims))
        .hasSize(2 * HELD_CLAIMS);
    String heldIds = "('" + String.join("', '", held) + "')";
    String heldByA =
        "act_ru_job where id_ in "
            + heldIds
            + " and lock_owner_ = '"
            + jobExecutorA.getLockOwner()
            + "'";
    Duration lockTime = Duration.ofMillis(jobExecutorA.getLockTimeInMillis());
    assertThat(lockTime).as("lock-time-in-millis").isEqualTo(Duration.ofMinutes(5));
    Instant lockExpires = EngineTime.now().toInstant().plus(lockTime);

    // node A is killed: its context closes; nothing runs or unlocks what it holds
    nodeA.close();
    assertThat(count(heldByA)).as("still locked by node A").isEqualTo(held.size());
    engineB.getJobExecutor().start();

    // while A's lock lasts, up to its last second, B's job executor looks and passes them by
    String ranHeld = "act_hi_job_log where job_state_ = 2 and job_id_ in " + heldIds;
    acquisitionCycles(engineB, 5);
    assertThat(count(heldByA)).isEqualTo(held.size());
    assertThat(count(ranHeld)).isZero();
    EngineTime.setNow(lockExpires.minusSeconds(1));
    acquisitionCycles(engineB, 5);
    assertThat(count(heldByA)).as("still locked by node A").isEqualTo(held.size());
    assertThat(count(ranHeld)).as("held jobs run before A's lock expired").isZero();

    // A's lock has expired: B takes the timers over and runs the steps they lead to
    EngineTime.setNow(lockExpires.plusSeconds(1));
    awaitUntil(
        "node B has taken over the held jobs and their steps",
        () -> noJobDue(managementB) && count(heldByA) == 0);
    assertThat(
            strings(
                "select concat_ws(' ', hostname_, count(*)) from act_hi_job_log where job_state_ = 2"
                    + " and job_id_ in "
                    + heldIds
                    + " group by hostname_"))
        .as("held jobs run, by whom")
        .containsExactly("node-b " + held.size());
    List<String> once = new ArrayList<>();
    for (String claim : claims) {
      for (String step : TAKEN_OVER_STEPS) {
        once.add(claim + " " + step + " 1");
      }
    }
    assertThat(
            strings(
                "select concat_ws(' ', p.business_key_, a.act_id_, count(*)) from act_hi_actinst a"
                    + " join act_hi_procinst p on p.id_ = a.proc_inst_id_"
                    + " where p.business_key_ in "
                    + inClaims
                    + " and a.act_id_ in ('"
                    + String.join("', '", TAKEN_OVER_STEPS)
                    + "') group by p.business_key_, a.act_id_"))
        .as("each timer and its step once per claim")
        .containsExactlyInAnyOrderElementsOf(once);
    // each claim's clock escalated and breached late by A's lock time (and the second after it)
    assertThat(
            count(
                "flex_sla_clocks where kind = 'SLA_ASSESS_1WD' and claim_number in "
                    + inClaims
                    + " and escalated_at = breached_at and breached_at = '"
                    + lockExpires.plusSeconds(1)
                    + "'::timestamptz and overdue_seconds = "
                    + lockTime.plusSeconds(1).toSeconds()))
        .isEqualTo(HELD_CLAIMS);
    assertThat(count("act_ru_incident")).as("incidents").isZero();
  }

  private static ProcessEngineConfigurationImpl engine(ConfigurableApplicationContext node) {
    return (ProcessEngineConfigurationImpl)
        node.getBean(ProcessEngine.class).getProcessEngineConfiguration();
  }

  /**
   * Gives a node's job executor a few chances to acquire: waits for that many acquisition attempts
   * (the engine's own count), 0.1 to 0.5 s apart when nothing is found.
   */
  private static void acquisitionCycles(ProcessEngineConfigurationImpl engine, int cycles)
      throws Exception {
    Meter attempts = engine.getMetricsRegistry().getDbMeters().get(Metrics.JOB_ACQUISITION_ATTEMPT);
    long before = attempts.get();
    awaitUntil(
        cycles + " acquisition attempts of " + engine.getProcessEngineName(),
        () -> attempts.get() >= before + cycles);
  }

  /** Schema, Flyway's migrations, the deployment, the identity set-up and the demo data: once. */
  private void madeOnce() throws SQLException {
    assertThat(
            count(
                "(select version from flex_schema_history where version is not null"
                    + " group by version having count(*) > 1) twice"))
        .as("migrations applied twice")
        .isZero();
    assertThat(count("act_ge_property where name_ = 'schema.version'")).isEqualTo(1);
    assertThat(count("act_ge_schema_log")).as("engine schema created once").isEqualTo(1);
    assertThat(count("act_re_procdef where version_ > 1"))
        .as("process definitions deployed twice")
        .isZero();
    assertThat(count("act_re_procdef")).isPositive();
    assertThat(count("(select name_ from act_ru_filter group by name_ having count(*) > 1) twice"))
        .as("Tasklist filters made twice")
        .isZero();
    assertThat(count("act_ru_filter")).isPositive();
    assertThat(count("act_id_user where id_ = 'admin'")).isEqualTo(1);
    assertThat(count("act_id_group")).isPositive();
    assertThat(count("flex_policies")).as("the demo policy, once").isEqualTo(1);
  }

  /**
   * Starts the nodes on threads of their own so that their contexts refresh (data source, Flyway,
   * engine) at the same moment. Logging, which is one per JVM, is set up by one node after the
   * other: each waits for the one before to have done so, then all start refreshing together.
   */
  private void startTogether(String... names) throws Exception {
    CyclicBarrier refresh = new CyclicBarrier(names.length);
    List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
    CountDownLatch previousPrepared = new CountDownLatch(0);
    for (String name : names) {
      CountDownLatch before = previousPrepared;
      CountDownLatch prepared = new CountDownLatch(1);
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                await(before);
                return node(
                    name,
                    event -> {
                      prepared.countDown();
                      try {
                        refresh.await(2, TimeUnit.MINUTES);
                      } catch (Exception e) {
                        throw new IllegalStateException("the nodes did not start together", e);
                      }
                    });
              }));
      previousPrepared = prepared;
    }
    List<Throwable> failures = new ArrayList<>();
    for (CompletableFuture<ConfigurableApplicationContext> node : starting) {
      try {
        nodes.add(node.get(4, TimeUnit.MINUTES));
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    if (!failures.isEmpty()) {
      fail("a node did not start", failures.get(0));
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ConfigurableApplicationContext node(
      String name, ApplicationListener<ApplicationPreparedEvent> onPrepared) {
    List<String> arguments =
        List.of(
            "--spring.datasource.url=" + db.url(),
            "--spring.datasource.username=" + db.user(),
            "--spring.datasource.password=" + db.password(),
            "--server.port=0",
            "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.wait-time-in-millis=100",
            "--camunda.bpm.job-execution.max-wait=500",
            "--flex.demo.data=true",
            // the tests' flow-node coverage measures the shared test context only
            "--spring.autoconfigure.exclude="
                + "org.camunda.community.process_test_coverage.spring_test.platform7"
                + ".ProcessEngineCoverageConfiguration");
    return new SpringApplicationBuilder(FlexClaimsApplication.class)
        .profiles("test")
        .listeners(onPrepared)
        .run(arguments.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  private static JsonNode importPolicy(HttpCalls admin) throws Exception {
    HttpResponse<String> imported =
        admin.postJson(
            "/api/admin/policies/import",
            """
            {"product":"FLEX","startDate":"2025-01-01","postcode":"2100",
             "policyholder":{"name":"Mette Larsen","birthDate":"1979-09-14"},
             "children":[],"paymentFrequency":"MONTHLY","directDebit":true,"seniorityFrom":null,
             "danmarkMember":false}""");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    return JSON.readTree(imported.body());
  }

  private static String report(HttpCalls portal, JsonNode policy) throws Exception {
    HttpResponse<String> reported =
        portal.postJson(
            "/api/claims",
            """
            {"policyNumber":"%s","personId":"%s","cover":"PHYSIO","icd10":"M75.1",
             "description":"Shoulder pain when lifting","onsetDate":"2026-03-01","chronic":false,
             "referral":{"date":"2026-03-20","issuer":"Dr. Nielsen"},"aroseAbroad":false,
             "treatmentLocation":"DENMARK","acute":false,"cause":"NONE",
             "treatmentStartedBeforePolicy":false,"reportedToFormerInsurer":false,
             "otherInsurance":false,"incident":null}"""
                .formatted(
                    policy.get("policyNumber").asText(),
                    policy.get("persons").get(0).get("personId").asText()));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    return JSON.readTree(reported.body()).get("claimNumber").asText();
  }

  private static Task assessmentOf(TaskService tasks, String claimNumber) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(claimNumber)
        .taskDefinitionKey("Task_AssessClaim")
        .singleResult();
  }

  private static String status(HttpCalls calls, String claimNumber) {
    return field(calls.get("/api/claims/" + claimNumber), "status");
  }

  private static String field(HttpResponse<String> response, String name) {
    if (response.statusCode() != 200) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(response.body()).get(name);
      return node == null ? null : node.asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean noJobDue(ManagementService management) {
    return management.createJobQuery().executable().count() == 0;
  }

  /** What {@link #awaitUntil} waits for; it may read the database. */
  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Waits for the nodes' job executors, which run on their own threads. */
  private static void awaitUntil(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        fail("Not within " + PATIENCE + ": " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private Instant instant(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getTimestamp(1).toInstant();
    }
  }

  private long count(String from) throws SQLException {
    return db.count(from);
  }

  private List<String> strings(String sql) throws SQLException {
    return db.strings(sql);
  }
}
