package dk.dss.flexclaims.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.dss.flexclaims.support.CprScanner;
import dk.dss.flexclaims.support.Requests;
import dk.dss.flexclaims.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packaged application killed with {@code kill -9} while claims, assessments and invoices flow,
 * then started again on the same PostgreSQL database: every claim, assessment and invoice the
 * application acknowledged (a 2xx answer) is found afterwards, every claim reaches its end state
 * (approved for one treatment, its one invoice settled: {@code CLOSED}) and every invoice is paid
 * exactly once, with one approval and one settlement letter per claim, no incident and no job run
 * twice.
 *
 * <p>The application runs as a separate OS process: the jar {@code mvn package} made ({@code
 * flex.test.jar}), in the {@code postgres} profile as production runs it, on a fresh database and a
 * free port, its output in {@code target/crash-recovery/}. Both runs use a job lock time of 10 s
 * instead of 5 min: the jobs the killed process had locked stay locked until their lock time runs
 * out, and only then does the second run take them over; with the production setting the test would
 * wait 5 minutes for them.
 *
 * <p>Requests that got no answer because of the kill (connection reset) may or may not have taken
 * effect; only acknowledged ones must have. PostgreSQL only: on H2 there is no second process.
 */
@EnabledIfSystemProperty(named = "flex.test.database", matches = "(?i)postgres")
class CrashRecoveryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_PATIENCE = Duration.ofSeconds(150);
  private static final Duration FLOW_PATIENCE = Duration.ofSeconds(60);
  private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(150);
  private static final int CLIENTS = 2;
  private static final int OPEN_CLAIMS_PER_CLIENT = 4;
  private static final String HOLDER = "Crash Testholder";
  private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
  private static final String PORTAL_PASSWORD = "portal-" + UUID.randomUUID();
  private static final String NURSE_PASSWORD = "nurse-" + UUID.randomUUID();

  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Queue<FlowClaim> claims = new ConcurrentLinkedQueue<>();
  private final Map<String, Integer> unexpectedAnswers = new ConcurrentHashMap<>();
  private final AtomicInteger unanswered = new AtomicInteger();
  private TestDatabase.Connection db;
  private volatile int port;

  /** One claim as the clients see it: what the application acknowledged. */
  private static final class FlowClaim {
    final String claimNumber;
    volatile boolean assessed;
    volatile boolean invoiceAcknowledged;
    volatile boolean invoiceExists;

    FlowClaim(String claimNumber) {
      this.claimNumber = claimNumber;
    }

    String invoiceNumber() {
      return "INV-" + claimNumber;
    }
  }

  @AfterEach
  void stopTheApplication() {
    for (Process process : processes) {
      if (process.isAlive()) {
        process.destroyForcibly();
        try {
          process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (db != null) {
      TestDatabase.drop(db); // no application context in this JVM would drop it at its end
    }
  }

  @Test
  void acknowledgedClaimsAndInvoicesSurviveAKillAndArePaidOnce() throws Exception {
    db = TestDatabase.create("crash_recovery");
    try {
      run();
    } catch (Throwable failure) {
      logs.forEach(CrashRecoveryIT::printTail);
      throw failure;
    }
  }

  private void run() throws Exception {
    Process first = start("crash-run-1");
    createStaff();

    // phase 1: claims, assessments and invoices flow from two clients; kill -9 in the middle
    List<Thread> clients = new ArrayList<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    for (int i = 0; i < CLIENTS; i++) {
      Thread client =
          new Thread(
              () -> {
                try {
                  clientLoop(stop);
                } catch (Throwable e) {
                  failures.add(e);
                }
              },
              "crash-client-" + i);
      client.setDaemon(true);
      client.start();
      clients.add(client);
    }
    try {
      awaitClaimsInEveryStage(failures);
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful stop
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the killed process is gone").isTrue();
    } finally {
      stop.set(true);
    }
    for (Thread client : clients) {
      client.join(TimeUnit.SECONDS.toMillis(60));
    }
    assertThat(failures).as("client failures").isEmpty();
    int reported = claims.size();
    int assessed = count(c -> c.assessed);
    int invoiced = count(c -> c.invoiceAcknowledged);
    List<String> lockedAtKill =
        strings("select id_ from act_ru_job where lock_owner_ is not null order by id_");
    System.out.printf(
        "Killed (kill -9) with %d claims, %d assessments and %d invoices acknowledged, %d requests"
            + " unanswered, %d jobs locked by the killed process%n",
        reported, assessed, invoiced, unanswered.get(), lockedAtKill.size());

    // phase 2: started again on the same database; every acknowledged claim finished
    long restarted = System.nanoTime();
    start("crash-run-2");
    finishEveryClaim();
    System.out.printf(
        "After the restart every claim closed and every invoice paid within %d s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - restarted));

    checkTheDatabase(lockedAtKill);
    assertThat(unexpectedAnswers).as("answers other than the expected ones").isEmpty();

    Process second = processes.get(processes.size() - 1);
    second.destroy(); // SIGTERM: the graceful stop
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second run stops").isTrue();
    List<String> outputs = new ArrayList<>();
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(CprScanner.find(text)).as("CPR numbers in " + log.getFileName()).isEmpty();
      assertThat(text).as("names in " + log.getFileName()).doesNotContain(HOLDER);
      outputs.add(text);
    }
    checkTheBankHandOvers(outputs);
  }

  /**
   * Every payment reached the bank (the logging stand-in of the payment files logs each hand-over),
   * and within one run each at most once: a hand-over claims the payment before it sends it, so the
   * hand-over after the commit and a retry round never send it side by side. Across the kill a
   * payment may be handed over again, when the first run died between the hand-over and its record:
   * the bank takes the payment id as the transfer's key (ADR 0008), so it still pays once. Only
   * recorded payments are handed over.
   */
  private void checkTheBankHandOvers(List<String> outputs) throws SQLException {
    Map<String, Long> handOvers = new HashMap<>();
    for (int run = 0; run < outputs.size(); run++) {
      Map<String, Long> inRun =
          Pattern.compile("Payment (\\d+) of DKK")
              .matcher(outputs.get(run))
              .results()
              .collect(Collectors.groupingBy(m -> m.group(1), Collectors.counting()));
      assertThat(inRun)
          .as("payments handed to the bank more than once in run %d", run + 1)
          .allSatisfy((payment, times) -> assertThat(times).isEqualTo(1L));
      inRun.forEach((payment, times) -> handOvers.merge(payment, times, Long::sum));
    }
    List<String> payments = strings("select payment_id from flex_payments order by payment_id");
    assertThat(handOvers.keySet())
        .as("payments handed to the bank")
        .containsExactlyInAnyOrderElementsOf(payments);
    System.out.printf(
        "%d payments handed to the bank, %d of them again after the kill (same payment id)%n",
        payments.size(), handOvers.values().stream().filter(n -> n > 1).count());
  }

  // ---------------------------------------------------------------- phase 1: the flow

  /**
   * Waits (at least 8 s) until the flow runs with claims in every stage: some waiting for their
   * assessment, some assessed and waiting for their invoice, a few invoices sent.
   */
  private void awaitClaimsInEveryStage(Queue<Throwable> failures) throws InterruptedException {
    long deadline = System.nanoTime() + FLOW_PATIENCE.toNanos();
    long earliest = System.nanoTime() + Duration.ofSeconds(8).toNanos();
    while (!(System.nanoTime() > earliest
        && count(c -> c.invoiceAcknowledged) >= 3
        && count(c -> !c.assessed) >= 1
        && count(c -> c.assessed && !c.invoiceAcknowledged) >= 1)) {
      if (!failures.isEmpty()) {
        throw new AssertionError("a client failed before the kill", failures.peek());
      }
      if (System.nanoTime() > deadline) {
        fail(
            "The flow did not get going within %s: %d claims, %d assessed, %d invoices, answers %s"
                .formatted(
                    FLOW_PATIENCE,
                    claims.size(),
                    count(c -> c.assessed),
                    count(c -> c.invoiceAcknowledged),
                    unexpectedAnswers));
      }
      Thread.sleep(100);
    }
  }

  /**
   * One client: reports claims (each on a policy of its own, so that no treatment limit interferes)
   * while fewer than a few of its claims are open, completes the assessments of those waiting in
   * Tasklist, and sends an invoice for each approved one. Every request either gets an answer or,
   * once the application is killed, none.
   */
  private void clientLoop(AtomicBoolean stop) throws Exception {
    List<FlowClaim> mine = new ArrayList<>();
    while (!stop.get()) {
      if (mine.stream().filter(c -> !c.invoiceAcknowledged).count() < OPEN_CLAIMS_PER_CLIENT) {
        String claimNumber = reportClaim();
        if (claimNumber != null) {
          FlowClaim claim = new FlowClaim(claimNumber);
          mine.add(claim);
          claims.add(claim);
        }
      }
      for (FlowClaim claim : mine) {
        if (stop.get()) {
          return;
        }
        if (!claim.assessed) {
          assess(claim);
        } else if (!claim.invoiceAcknowledged && "APPROVED".equals(status(claim))) {
          sendInvoice(claim);
        }
      }
      Thread.sleep(50);
    }
  }

  /** A new policy (imported as an administrator) and a claim on it; null when unanswered. */
  private String reportClaim() {
    LocalDate today = Requests.today();
    Answer imported =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/admin/policies/import",
            """
            {"product":"FLEX","startDate":"%s","postcode":"2100",
             "policyholder":{"name":"%s","birthDate":"1979-09-14","cpr":"%s"},
             "children":[],"paymentFrequency":"ANNUAL","directDebit":true,"seniorityFrom":null,
             "danmarkMember":false}"""
                .formatted(today.minusMonths(6), HOLDER, Requests.uniqueCpr().replace("-", "")));
    if (!expect(imported, 201, "policy import")) {
      return null;
    }
    JsonNode policy = imported.json();
    Answer reported =
        post(
            "portal",
            PORTAL_PASSWORD,
            "/api/claims",
            """
            {"policyNumber":"%s","personId":"%s","cover":"PHYSIO","icd10":"M75.1",
             "description":"Shoulder pain when lifting","onsetDate":"%s","chronic":false,
             "referral":{"date":"%s","issuer":"Dr. Nielsen"},"aroseAbroad":false,
             "treatmentLocation":"DENMARK","acute":false,"cause":"NONE",
             "treatmentStartedBeforePolicy":false,"reportedToFormerInsurer":false,
             "otherInsurance":false,"incident":null}"""
                .formatted(
                    policy.get("policyNumber").asText(),
                    policy.get("persons").get(0).get("personId").asText(),
                    today.minusDays(20),
                    today.minusDays(5)));
    if (!expect(reported, 201, "claim report")) {
      return null;
    }
    return reported.json().get("claimNumber").asText();
  }

  /**
   * Completes the claim's assessment in Tasklist's way (the form submitted over the engine's REST
   * API as a health-team user), approving one treatment, if the task is there yet.
   */
  private void assess(FlowClaim claim) {
    Answer tasks =
        get(
            "nina",
            NURSE_PASSWORD,
            "/engine-rest/task?taskDefinitionKey=Task_AssessClaim&processInstanceBusinessKey="
                + claim.claimNumber);
    if (!expect(tasks, 200, "task query") || tasks.json().isEmpty()) {
      return;
    }
    Answer submitted =
        post(
            "nina",
            NURSE_PASSWORD,
            "/engine-rest/task/" + tasks.json().get(0).get("id").asText() + "/submit-form",
            """
            {"variables":{"assessmentDecision":{"value":"APPROVE","type":"String"},
              "approvedTreatments":{"value":1,"type":"Long"},
              "assessmentNote":{"value":"One session","type":"String"}}}""");
    if (expect(submitted, 204, "assessment")) {
      claim.assessed = true;
    }
  }

  /**
   * Sends the claim's one invoice: one treatment on today's date (on or after the approval, as
   * PAY_APPROVAL_FIRST wants), below the finance approval threshold.
   */
  private void sendInvoice(FlowClaim claim) {
    Answer sent =
        post(
            "portal",
            PORTAL_PASSWORD,
            "/api/claims/" + claim.claimNumber + "/invoices",
            """
            {"invoiceNumber":"%s","provider":{"name":"Klinik Vest ApS","providerNumber":"123456",
             "relatedToInsured":false},"lines":[{"date":"%s","type":"TREATMENT",
             "amount":400.00,"publicSubsidy":0,"danmarkSubsidy":0}]}"""
                .formatted(claim.invoiceNumber(), Requests.today()));
    if (expect(sent, 202, "invoice")) {
      claim.invoiceAcknowledged = true;
      claim.invoiceExists = true;
    }
  }

  private String status(FlowClaim claim) {
    Answer answer = get("portal", PORTAL_PASSWORD, "/api/claims/" + claim.claimNumber);
    return expect(answer, 200, "claim") ? answer.json().get("status").asText() : null;
  }

  // ---------------------------------------------------------------- phase 2: after the restart

  /**
   * Takes every acknowledged claim to its end: assesses those still waiting, sends the invoices not
   * acknowledged before the kill (unless the unanswered request did arrive), and waits until every
   * claim is closed, its invoice settled, its letters delivered and its payment handed to the bank.
   */
  private void finishEveryClaim() throws Exception {
    long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
    while (true) {
      List<String> waitingFor = new ArrayList<>();
      for (FlowClaim claim : claims) {
        Answer view = get("portal", PORTAL_PASSWORD, "/api/claims/" + claim.claimNumber);
        if (view == null) {
          fail("The restarted application did not answer");
        }
        assertThat(view.status())
            .as("acknowledged claim %s found after the restart", claim.claimNumber)
            .isEqualTo(200);
        String status = view.json().get("status").asText();
        switch (status) {
          case "IN_ASSESSMENT" -> {
            if (!claim.assessed) {
              assess(claim);
            }
            waitingFor.add(claim.claimNumber + " in assessment");
          }
          case "APPROVED" -> {
            if (!claim.invoiceExists) {
              Answer invoice =
                  get(
                      "portal",
                      PORTAL_PASSWORD,
                      "/api/claims/" + claim.claimNumber + "/invoices/" + claim.invoiceNumber());
              if (invoice != null && invoice.status() == 200) {
                claim.invoiceExists = true; // the unanswered request did arrive
              } else {
                sendInvoice(claim);
              }
            }
            waitingFor.add(claim.claimNumber + " approved");
          }
          case "CLOSED" -> {
            if (!claimIsDone(claim)) {
              waitingFor.add(claim.claimNumber + " closed, letters or payment not handed over");
            }
          }
          default ->
              fail(
                  "Claim %s is %s after the restart, not on its way to CLOSED"
                      .formatted(claim.claimNumber, status));
        }
      }
      if (waitingFor.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail(
            "Not finished within %s after the restart: %s"
                .formatted(RECOVERY_PATIENCE, String.join(", ", waitingFor)));
      }
      Thread.sleep(500);
    }
  }

  /** Closed, its invoice settled and paid, its letters and payment handed over. */
  private boolean claimIsDone(FlowClaim claim) throws SQLException {
    Answer invoice =
        get(
            "portal",
            PORTAL_PASSWORD,
            "/api/claims/" + claim.claimNumber + "/invoices/" + claim.invoiceNumber());
    assertThat(invoice.status())
        .as("invoice of closed claim %s found", claim.claimNumber)
        .isEqualTo(200);
    if (!"SETTLED".equals(invoice.json().get("status").asText())) {
      return false;
    }
    return count(
                "flex_letters where claim_number = '"
                    + claim.claimNumber
                    + "' and delivered_at is null")
            == 0
        && count(
                "flex_payments where claim_number = '"
                    + claim.claimNumber
                    + "' and handed_over_at is null")
            == 0;
  }

  /**
   * What the database holds once everything is done: one payment per invoice, one approval and one
   * settlement letter per claim, no incident, no job run twice, and the jobs the killed process had
   * locked run by the second.
   */
  private void checkTheDatabase(List<String> lockedAtKill) throws Exception {
    for (FlowClaim claim : claims) {
      String number = claim.claimNumber;
      Answer view = get("portal", PORTAL_PASSWORD, "/api/claims/" + number);
      assertThat(view.json().get("status").asText()).as("status of " + number).isEqualTo("CLOSED");
      assertThat(view.json().get("paidTotal").decimalValue())
          .as("paid on " + number)
          .isEqualByComparingTo("400.00");
      assertThat(
              strings(
                  "select concat_ws(' ', i.invoice_number, p.amount, p.payee)"
                      + " from flex_payments p join flex_invoices i on i.invoice_id = p.invoice_id"
                      + " where p.claim_number = '"
                      + number
                      + "'"))
          .as("payments of " + number)
          .containsExactly(claim.invoiceNumber() + " 400.00 INSURED");
      assertThat(
              strings(
                  "select letter_type from flex_letters where claim_number = '"
                      + number
                      + "' order by letter_id"))
          .as("letters of " + number)
          .containsExactly("APPROVAL", "SETTLEMENT");
      assertThat(
              count(
                  "act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                      + " where d.key_ = 'claim-handling' and e.business_key_ = '"
                      + number
                      + "'"))
          .as("claim process of " + number + " still running")
          .isZero();
    }
    assertThat(
            strings(
                "select concat_ws(' ', invoice_id, count(*)) from flex_payments"
                    + " group by invoice_id having count(*) > 1"))
        .as("invoices paid more than once")
        .isEmpty();
    assertThat(
            strings(
                "select concat_ws(' ', claim_number, letter_type, count(*)) from flex_letters"
                    + " where claim_number is not null group by claim_number, letter_type"
                    + " having count(*) > 1"))
        .as("claim letters sent twice")
        .isEmpty();
    assertThat(
            strings(
                "select concat_ws(' ', activity_id_, incident_type_) from act_ru_incident"
                    + " order by activity_id_"))
        .as("incidents (activity, type)")
        .isEmpty();
    assertThat(
            strings(
                "select concat_ws(' ', job_def_id_, act_id_) from act_hi_job_log"
                    + " where job_state_ = 2 group by job_id_, job_def_id_, act_id_"
                    + " having count(*) > 1"))
        .as("jobs that ran successfully more than once")
        .isEmpty();
    for (String job : lockedAtKill) {
      assertThat(
              count(
                  "act_hi_job_log where job_state_ = 2 and hostname_ = 'crash-run-2'"
                      + " and job_id_ = '"
                      + job
                      + "'"))
          .as("job %s, locked by the killed process, run by the second", job)
          .isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- the application's process

  /**
   * Starts the packaged jar in the postgres profile on the test database and a free port and waits
   * until it is ready; its output goes to target/crash-recovery/{name}.log.
   */
  private Process start(String name) throws Exception {
    Path jar = jar();
    Path directory = jar.getParent().resolve("crash-recovery");
    Files.createDirectories(directory);
    Path log = directory.resolve(name + ".log");
    port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                // the killed run's locks run out after 10 s instead of 5 min (see the class
                // comment)
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                // letters and payments waiting for their hand-over are retried every 2 s, not 1 min
                "--flex.hand-over.retry-interval=PT2S",
                // a letter or payment the killed run held for its hand-over is free after 10 s
                "--flex.hand-over.claim-time=PT10S",
                "--camunda.bpm.generic-properties.properties.hostname=" + name)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("FLEX_") || key.startsWith("SPRING_"));
    environment.put("SPRING_PROFILES_ACTIVE", "postgres");
    environment.put("FLEX_DB_URL", db.url());
    environment.put("FLEX_DB_USER", db.user());
    environment.put("FLEX_DB_PASSWORD", db.password());
    environment.put("FLEX_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Process process = builder.start();
    processes.add(process);
    logs.add(log);
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (true) {
      if (!process.isAlive()) {
        fail("%s ended with exit code %d while starting".formatted(name, process.exitValue()));
      }
      Answer readiness = call(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET());
      if (readiness != null && readiness.status() == 200) {
        return process;
      }
      if (System.nanoTime() > deadline) {
        fail("%s was not ready within %s".formatted(name, START_PATIENCE));
      }
      Thread.sleep(250);
    }
  }

  /** The jar {@code mvn package} made: {@code flex.test.jar}, else the one in target/. */
  private static Path jar() throws IOException {
    String configured = System.getProperty("flex.test.jar");
    if (configured != null && !configured.isBlank()) {
      Path jar = Path.of(configured);
      assertThat(jar).as("the packaged application (mvn package)").isRegularFile();
      return jar.toAbsolutePath();
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "*.jar")) {
      for (Path jar : jars) {
        return jar.toAbsolutePath();
      }
    }
    throw new IllegalStateException("No packaged application in target/: run mvn package");
  }

  /**
   * The staff the flow needs, made as an administrator does in Admin: the postgres profile makes
   * only the administrator and the groups.
   */
  private void createStaff() {
    createUser("portal", PORTAL_PASSWORD, "portal");
    createUser("nina", NURSE_PASSWORD, "health-team");
  }

  private void createUser(String id, String password, String group) {
    Answer created =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/engine-rest/user/create",
            """
            {"profile":{"id":"%s","firstName":"%s","lastName":"Crash test","email":"%s@example.org"},
             "credentials":{"password":"%s"}}"""
                .formatted(id, id, id, password));
    assertThat(created).as("user " + id + " answered").isNotNull();
    assertThat(created.status()).as(created.body()).isEqualTo(204);
    Answer member =
        call(
            authorized(
                    HttpRequest.newBuilder(uri("/engine-rest/group/" + group + "/members/" + id)),
                    "admin",
                    ADMIN_PASSWORD)
                .PUT(HttpRequest.BodyPublishers.noBody()));
    assertThat(member).as("membership of " + id + " answered").isNotNull();
    assertThat(member.status()).as(member.body()).isEqualTo(204);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** The last lines of a run's output, without CPR-shaped numbers or the policyholders' name. */
  private static void printTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      String tail =
          lines.subList(Math.max(0, lines.size() - 60), lines.size()).stream()
              .map(CrashRecoveryIT::withoutPersonalData)
              .collect(Collectors.joining(System.lineSeparator()));
      System.err.println("---- last lines of " + log + " ----");
      System.err.println(tail);
    } catch (IOException e) {
      System.err.println("Could not read " + log + ": " + e.getClass().getSimpleName());
    }
  }

  private static String withoutPersonalData(String line) {
    String clean = line.replace(HOLDER, "<name>");
    for (String cpr : CprScanner.find(clean)) {
      clean = clean.replace(cpr, "<cpr>");
    }
    return clean;
  }

  // ---------------------------------------------------------------- HTTP and SQL

  /** An answer of the application: its status and body. */
  private record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  /**
   * Whether the answer is the expected one. No answer (the application was killed) is recorded as
   * unanswered, any other answer as unexpected; neither is acknowledged.
   */
  private boolean expect(Answer answer, int status, String what) {
    if (answer == null) {
      unanswered.incrementAndGet();
      return false;
    }
    if (answer.status() != status) {
      unexpectedAnswers.merge(what + " " + answer.status(), 1, Integer::sum);
      return false;
    }
    return true;
  }

  private Answer get(String user, String password, String path) {
    return call(authorized(HttpRequest.newBuilder(uri(path)), user, password).GET());
  }

  private Answer post(String user, String password, String path, String json) {
    return call(
        authorized(HttpRequest.newBuilder(uri(path)), user, password)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpRequest.Builder authorized(
      HttpRequest.Builder request, String user, String password) {
    return request
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, */*")
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  /** The answer, or null when there was none (connection refused or reset, time-out). */
  private Answer call(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private int count(Predicate<FlowClaim> which) {
    return (int) claims.stream().filter(which).count();
  }

  private long count(String from) throws SQLException {
    return db.count(from);
  }

  private List<String> strings(String sql) throws SQLException {
    return db.strings(sql);
  }
}
