package dk.dss.flexclaims.tasklist;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withAssault;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.claim.ClaimService;
import dk.dss.flexclaims.complaint.ComplaintService;
import dk.dss.flexclaims.identity.Groups;
import dk.dss.flexclaims.identity.IdentitySetup;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.HealthTeamTasks;
import dk.dss.flexclaims.support.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A nurse assesses a claim in the real Tasklist, in headless Chromium: logs in, sees the insured
 * person's name in the list with trauma on top, opens the task, reads the facts the Camunda Form
 * shows, approves a number of treatments and completes it. Needs Debian's {@code chromium} and
 * {@code chromium-driver}; CI installs them and requires this test ({@code
 * -Dflex.browser-tests=required}), elsewhere it is skipped without them.
 */
@FlexIntegrationTest
class TasklistBrowserIT {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired ClaimService claims;
  @Autowired ComplaintService complaints;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired IdentitySetup identitySetup;
  @Autowired PlatformTransactionManager transactions;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start("tasklist-browser");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** Each test logs in as its own user: no session of another test's user. */
  @BeforeEach
  void loggedOut() {
    browser.get("http://localhost:" + port + "/camunda/app/welcome/default/");
    browser.manage().deleteAllCookies();
  }

  @Test
  void aNurseAssessesAClaimInTasklist() {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1975, 4, 2));
    String claimNumber =
        scenarios.report(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)),
                LocalDate.now().minusDays(3)));
    String processInstanceId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId();
    EngineTime.runDueJobs(management, processInstanceId);

    WebDriverWait wait = tasklistAs("nina");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Assess claim"))).click();
    WebElement form =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(text(), 'Claim " + claimNumber + "')]")));
    assertThat(form.getText()).contains("physiotherapy");
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("M54.5 Low back pain", "Karen Jensen", "LIMIT_PHYSIO_CHIRO_12");

    claimTheTask(wait);
    click(wait, "//label[normalize-space()='Approve']");
    WebElement treatments =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[id*=Field_ApprovedTreatments]")));
    treatments.sendKeys("4");
    click(wait, "//button[normalize-space()='Complete']");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("input[id*=Field_ApprovedTreatments]")));

    EngineTime.runDueJobs(management, processInstanceId);
    ClaimService.ClaimView view = claims.view(claimNumber);
    assertThat(view.status().name()).isEqualTo("APPROVED");
    assertThat(view.approvedTreatments()).isEqualTo(4);
    assertThat(view.letters()).extracting(ClaimService.LetterView::type).contains("APPROVAL");
  }

  /**
   * The list names whose claim a task is: the insured person's name with the claim number, the
   * cover and the due date, and trauma notifications on top, in the filter opened by its readable
   * ID.
   */
  @Test
  void aNurseSeesThePersonsNameInTheListWithTraumaOnTop() throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1983, 10, 12));
    // the trauma notification is reported first: Tasklist's own order (latest created first) would
    // put it below the physiotherapy claim
    Map<String, Object> traumaClaim = claim(policy, "TRAUMA", "F43.0", LocalDate.now());
    withAssault(
        traumaClaim,
        OffsetDateTime.now(ZoneId.of("Europe/Copenhagen"))
            .minusHours(2)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString(),
        "AAR-2026-3104");
    String trauma = scenarios.report(traumaClaim);
    runDueJobs(trauma);
    String physio =
        scenarios.report(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)),
                LocalDate.now().minusDays(3)));
    runDueJobs(physio);

    WebDriverWait wait = myGroupsOpenTasksAs("nina");
    By items = By.cssSelector("ol.tasks-list > li.task");
    wait.until(
        d -> d.findElements(items).stream().anyMatch(item -> item.getText().contains(trauma)));
    List<String> listed = browser.findElements(items).stream().map(WebElement::getText).toList();
    int traumaAt = indexOf(listed, trauma);
    WebElement entry = browser.findElements(items).get(traumaAt);
    Files.write(
        Path.of("target", "tasklist-person-in-list.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(entry.getText())
        .contains("Claim", trauma, "Person", "Karen Jensen", "Cover", "TRAUMA", "Due")
        .doesNotContain("F43.0");
    // trauma on top: only trauma notifications above it, the physiotherapy claim below
    assertThat(listed.subList(0, traumaAt)).allSatisfy(text -> assertThat(text).contains("TRAUMA"));
    int physioAt = indexOf(listed, physio);
    if (physioAt >= 0) { // on the first page unless other tests' tasks rank above it
      assertThat(physioAt).isGreaterThan(traumaAt);
      assertThat(listed.get(physioAt)).contains("Person", "Karen Jensen", "PHYSIO");
    }
    // and in the filter's whole list, as Tasklist pages through it
    List<String> ranked = rankedForNina("my-groups-open");
    assertThat(ranked).contains(trauma);
    assertThat(ranked.indexOf(physio))
        .as("the physiotherapy claim in nina's whole list")
        .isGreaterThan(ranked.indexOf(trauma));
  }

  /** The claim numbers of the filter's tasks in its order, as nina's list has them. */
  private List<String> rankedForNina(String filterId) {
    List<Task> ranked;
    identity.setAuthentication("nina", List.of(Groups.HEALTH_TEAM));
    try {
      ranked = filters.list(filterId);
    } finally {
      identity.clearAuthentication();
    }
    return ranked.stream()
        .map(t -> String.valueOf(runtime.getVariable(t.getExecutionId(), "claimNumber")))
        .toList();
  }

  /**
   * Above a thousand open tasks the open filter's count reads "1000+", beside the filter and in the
   * search box (the server counts a filter's tasks up to 1,001, ADR 0024).
   */
  @Test
  void aNurseSeesMoreThanAThousandTasksCountedAsAThousandPlus() throws IOException {
    HealthTeamTasks healthTeam =
        new HealthTeamTasks(
            repository, runtime, tasks, filters, identity, identitySetup, transactions);
    healthTeam.deployCallbackProcess();
    healthTeam.open(1_001);
    try {
      WebDriverWait wait = myGroupsOpenTasksAs("nina");
      By counts = By.cssSelector("span.counter, .total-results");
      wait.until(
          d ->
              d.findElements(counts).stream()
                      .filter(c -> "1000+".equals(c.getText().replaceAll("[()\\s]", "")))
                      .count()
                  == 2);
      wait.until(d -> !d.findElements(By.cssSelector("ol.tasks-list > li.task")).isEmpty());
      Files.write(
          Path.of("target", "tasklist-count-1000-plus.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      assertThat(browser.findElements(counts).stream().map(WebElement::getText))
          .as("no count shows the number the server answers for more than 1,000")
          .noneMatch(text -> text.contains("1001"));
    } finally {
      healthTeam.removeAll();
    }
  }

  /** Admin's authorizations name each filter grant by the filter's readable ID. */
  @Test
  void adminListsTheFilterGrantsByReadableIds() throws IOException {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.manage().deleteAllCookies();
    String admin = "http://localhost:" + port + "/camunda/app/admin/default/";
    browser.get(admin);
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys("admin");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("admin");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    // the filters' authorizations (resource type 5)
    browser.get(admin + "#/authorization?resource=5");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "my-groups-open"));
    Files.write(
        Path.of("target", "admin-filter-grants.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("trauma-first", "my-groups-open", "assigned-to-me", "overdue", "due-today");
    browser.manage().deleteAllCookies();
  }

  private static int indexOf(List<String> listed, String claimNumber) {
    for (int i = 0; i < listed.size(); i++) {
      if (listed.get(i).contains(claimNumber)) {
        return i;
      }
    }
    return -1;
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

  /**
   * COMPLAINT_HANDLING in the real Tasklist: karl handles a complaint about a rejected claim, and
   * kirsten, the second person of the complaints team, signs its outcome.
   */
  @Test
  void aComplaintIsHandledByKarlAndSignedByKirstenInTasklist() {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1975, 4, 2));
    // a dental condition: rejected by the coverage check (EXCL_DENTAL)
    String claimNumber =
        scenarios.report(claim(policy, "CHIRO", "K02.1", LocalDate.now().minusWeeks(2)));
    EngineTime.runDueJobs(
        management,
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId());
    String complaintNumber =
        complaints.file(claimNumber, "Please look at my claim again.", null).complaintNumber();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.manage().deleteAllCookies();
    logIn(wait, "karl");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Handle complaint"))).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//*[text()[contains(., 'Please look at my claim again.')]]")));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains(complaintNumber, claimNumber);
    claimTheTask(wait);
    click(wait, "//label[normalize-space()='Not upheld']");
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("textarea[id*=Field_ComplaintReasons]")))
        .sendKeys("A dental condition is excluded by the terms.");
    click(wait, "//button[normalize-space()='Complete']");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("textarea[id*=Field_ComplaintReasons]")));
    assertThat(complaints.view(complaintNumber).handledBy()).isEqualTo("karl");

    browser.manage().deleteAllCookies();
    logIn(wait, "kirsten");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Review complaint outcome")))
        .click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//*[text()[contains(., 'handled by')]]")));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("karl", "NOT_UPHELD", "A dental condition is excluded by the terms.");
    claimTheTask(wait);
    click(wait, "//label[normalize-space()='Yes: send the outcome letter']");
    click(wait, "//button[normalize-space()='Complete']");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.xpath("//label[normalize-space()='Yes: send the outcome letter']")));

    EngineTime.runDueJobs(
        management,
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(complaintNumber)
            .singleResult()
            .getId());
    ComplaintService.ComplaintView view = complaints.view(complaintNumber);
    assertThat(view.status().name()).isEqualTo("DECIDED");
    assertThat(view.reviewedBy()).isEqualTo("kirsten");
    assertThat(view.letter().text()).contains("not upheld", "Ankenævnet for Forsikring");
    browser.manage().deleteAllCookies();
  }

  private void logIn(WebDriverWait wait, String user) {
    HeadlessChromium.logIn(
        browser, "http://localhost:" + port + "/camunda/app/tasklist/default/", user, "demo");
  }

  /** Clicks the element once it can be clicked. */
  private static void click(WebDriverWait wait, String xpath) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
  }

  /**
   * Claims the open task; the form stays covered (disabled), under its "Read-only" hint, until the
   * claim has gone through, which is slow on a busy machine; the hint's going moves the fields up.
   */
  private static void claimTheTask(WebDriverWait wait) {
    click(wait, "//*[self::a or self::button][normalize-space()='Claim']");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flex-claim-hint")));
  }

  /** Logs the user in and opens "My group's open tasks" by its ID, as Tasklist's address has it. */
  private WebDriverWait myGroupsOpenTasksAs(String user) {
    WebDriverWait wait = tasklistAs(user);
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.get(
        "http://localhost:" + port + "/camunda/app/tasklist/default/#/?filter=my-groups-open");
    return wait;
  }

  /** Opens Tasklist as the user, logged out of any earlier session. */
  private WebDriverWait tasklistAs(String user) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.manage().deleteAllCookies();
    logIn(wait, user);
    return wait;
  }

  @Test
  void aNurseAsksForInformationAndTheFormHoldsTheOsteopathyLimitOfFive() throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1969, 8, 21));
    String claimNumber =
        scenarios.report(claim(policy, "OSTEO", "M54.2", LocalDate.now().minusWeeks(1)));
    String processInstanceId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId();
    EngineTime.runDueJobs(management, processInstanceId);

    WebDriverWait wait = tasklistAs("nina");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Assess claim"))).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath("//*[contains(text(), 'Claim " + claimNumber + "')]")));
    claimTheTask(wait);

    // ASSESS_TREATMENTS_MAX: osteopathy allows 5 a year; the form refuses 6 before anything is sent
    click(wait, "//label[normalize-space()='Approve']");
    WebElement treatments =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[id*=Field_ApprovedTreatments]")));
    treatments.sendKeys("6");
    click(wait, "//button[normalize-space()='Complete']");
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class, 'fjs-form-field-error') and contains(., '5')]")));
    assertThat(error.getText()).contains("5");
    Files.write(
        Path.of("target", "tasklist-osteo-maximum.png"),
        ((org.openqa.selenium.TakesScreenshot) browser)
            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult())
        .as("the task is still open")
        .isNotNull();

    // ASSESS_ASK_INFO: the nurse corrects the number, then asks for the medical records instead
    treatments.sendKeys(org.openqa.selenium.Keys.BACK_SPACE, "5");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.xpath("//*[contains(@class, 'fjs-form-field-error')]")));
    click(wait, "//label[normalize-space()='Ask for information first']");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id$=Field_InformationNeeded-display]")))
        .click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()='Medical records']")))
        .click();
    click(wait, "//button[normalize-space()='Complete']");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector("[id*=Field_InformationNeeded]")));

    EngineTime.runDueJobs(management, processInstanceId);
    ClaimService.ClaimView view = claims.view(claimNumber);
    assertThat(view.status().name()).isEqualTo("AWAITING_INFORMATION");
    assertThat(view.letters())
        .extracting(ClaimService.LetterView::type)
        .contains("INFORMATION_REQUEST");
  }

  /**
   * A monitor sees the running claim in Cockpit, and none of its variables (interfaces.md,
   * "Roles").
   */
  @Test
  void aMonitorSeesTheClaimInCockpitButNoVariables() throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1968, 9, 9));
    String claimNumber =
        scenarios.report(claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)));
    var instance =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber).singleResult();
    EngineTime.runDueJobs(management, instance.getId());
    assertThat(runtime.getVariable(instance.getId(), "verdict")).isEqualTo("NEEDS_REFERRAL");

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/";
    browser.get(cockpit);
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys("mona");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));

    browser.get(cockpit + "#/process-definition/" + instance.getProcessDefinitionId() + "/runtime");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(text(), '" + claimNumber + "')]")));

    browser.get(cockpit + "#/process-instance/" + instance.getId() + "/runtime");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(text(), '" + claimNumber + "')]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(NO_VARIABLES)));
    Path screenshot = Path.of("target", "cockpit-monitor-no-variables.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page)
        .contains(claimNumber)
        .doesNotContain("NEEDS_REFERRAL", "PHYSIO", "REFERRAL_REQUIRED");
  }

  /** What Cockpit's variables tab shows when the user may read none. */
  private static final String NO_VARIABLES = "//*[contains(text(), 'No process variables')]";
}
