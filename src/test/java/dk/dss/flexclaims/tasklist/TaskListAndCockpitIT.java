package dk.dss.flexclaims.tasklist;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withAssault;
import static dk.dss.flexclaims.support.Scenarios.withReferral;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The health team's task list and the monitors' Cockpit in headless Chromium: a nurse sees what
 * identifies and ranks a task (claim number, cover, due date in Danish format, trauma first), finds
 * a claim by typing its number into the search box, claims and gives back its task; a monitor opens
 * a running claim in Cockpit and is offered no action that changes it. Screenshots land in {@code
 * target/}. The browser set-up is {@link TasklistBrowserIT}'s: Debian's {@code chromium} and {@code
 * chromium-driver}, required on CI ({@code -Dflex.browser-tests=required}), skipped elsewhere
 * without them.
 */
@FlexIntegrationTest
class TaskListAndCockpitIT {

  /** A date as Tasklist and Cockpit show it: day first, 03-12-2026 14:30. */
  private static final String DANISH_DATE_TIME = ".*\\b\\d{2}-\\d{2}-\\d{4} \\d{2}:\\d{2}\\b.*";

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start("tasklist-list-browser");
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
    browser.get(url("welcome"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void aNurseSeesTraumaFirstFindsAClaimByItsNumberAndClaimsAndGivesBackItsTask()
      throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1977, 6, 14));
    // the trauma notification is reported first: Tasklist's default order (latest created first)
    // would put it below the physiotherapy claim
    Map<String, Object> traumaClaim = claim(policy, "TRAUMA", "F43.0", LocalDate.now());
    withAssault(
        traumaClaim,
        OffsetDateTime.now(ZoneId.of("Europe/Copenhagen"))
            .minusHours(2)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString(),
        "AAR-2026-3101");
    String trauma = scenarios.report(traumaClaim);
    assessmentReady(trauma);
    String physio =
        scenarios.report(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)),
                LocalDate.now().minusDays(3)));
    assessmentReady(physio);

    WebDriverWait wait = logIn("tasklist", "nina");
    // the first filter, "My group's open tasks": the trauma notification on top, each task with its
    // claim number, cover and due date (its date and hour day first in the tooltip)
    By firstTask = By.cssSelector("ol.tasks-list > li.task:first-child");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(firstTask, trauma));
    WebElement first = browser.findElement(firstTask);
    assertThat(first.getText()).contains("Claim", trauma, "Cover", "TRAUMA", "Due");
    assertThat(
            first
                .findElement(By.cssSelector(".due-date [uib-tooltip]"))
                .getAttribute("uib-tooltip"))
        .matches(DANISH_DATE_TIME);
    assertThat(browser.findElement(By.cssSelector("ol.tasks-list")).getText())
        .contains(physio, "PHYSIO");
    screenshot("tasklist-trauma-first.png");

    // typed into the search box, the claim number finds that claim's task and no other
    WebElement search =
        wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector(".search-container input")));
    search.sendKeys(physio, Keys.ENTER);
    try {
      wait.until(
          d -> {
            List<WebElement> items = d.findElements(By.cssSelector("ol.tasks-list > li.task"));
            return items.size() == 1 && items.get(0).getText().contains(physio);
          });
    } finally {
      screenshot("tasklist-search-by-claim-number.png");
    }
    List<WebElement> found = browser.findElements(By.cssSelector("ol.tasks-list > li.task"));
    assertThat(found.get(0).getText()).contains(physio, "PHYSIO").doesNotContain(trauma);

    // claim, then give back: the task is the group's again
    found.get(0).findElement(By.cssSelector("h4.task a")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.unclaim")));
    assertThat(browser.findElement(By.cssSelector("li.assignee")).getText())
        .contains("Nina Holm")
        .doesNotContain("(");
    assertThat(assessmentTask(physio).getAssignee()).isEqualTo("nina");
    screenshot("tasklist-claimed.png");
    browser.findElement(By.cssSelector("button.unclaim")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
    assertThat(assessmentTask(physio).getAssignee()).isNull();
  }

  /**
   * A monitor reads a running claim in Cockpit with no action that changes it: no delete, suspend,
   * add-variable or retry button in the instance's toolbar, where the administrator has them; the
   * dashboard counts the open human tasks.
   */
  @Test
  void aMonitorOpensARunningClaimInCockpitAndIsOfferedNoActionThatChangesIt() throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1981, 2, 3));
    String claimNumber =
        scenarios.report(
            withReferral(
                claim(policy, "PHYSIO", "M54.5", LocalDate.now().minusWeeks(2)),
                LocalDate.now().minusDays(3)));
    assessmentReady(claimNumber);
    String processInstanceId =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId();

    // the administrator is offered Cockpit's actions on the instance: the toolbar has buttons
    WebDriverWait wait = logIn("cockpit", "admin", "admin");
    browser.get(url("cockpit") + "#/process-instance/" + processInstanceId + "/runtime");
    wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(TOOLBAR_ACTIONS), 1));

    wait = logIn("cockpit", "mona");
    browser.get(url("cockpit") + "#/dashboard");
    WebElement openTasks =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".open-human-tasks a.value")));
    wait.until(d -> !openTasks.getText().isBlank() && !"0".equals(openTasks.getText().trim()));
    assertThat(Integer.parseInt(openTasks.getText().trim())).isPositive();
    screenshot("cockpit-monitor-dashboard.png");

    browser.get(url("cockpit") + "#/process-instance/" + processInstanceId + "/runtime");
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(text(), '" + claimNumber + "')]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ctn-toolbar")));
    screenshot("cockpit-monitor-claim.png");
    assertThat(browser.findElements(By.cssSelector(TOOLBAR_ACTIONS)))
        .as("buttons in the instance's toolbar")
        .isEmpty();
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains(claimNumber).doesNotContain("PHYSIO", "M54.5");
  }

  /**
   * A process owner is not offered deleting a deployment (with cascade it deletes the running
   * claims and their history); the administrator is.
   */
  @Test
  void aProcessOwnerIsNotOfferedDeletingADeployment() throws IOException {
    By deployments = By.cssSelector("ul.deployments li.deployment");
    By delete = By.cssSelector("ul.deployments a.delete-deployment");
    WebDriverWait wait = logIn("cockpit", "admin", "admin");
    browser.get(url("cockpit") + "#/repository");
    wait.until(ExpectedConditions.presenceOfElementLocated(delete));

    wait = logIn("cockpit", "paula");
    browser.get(url("cockpit") + "#/repository");
    wait.until(ExpectedConditions.presenceOfElementLocated(deployments));
    screenshot("cockpit-process-owner-deployments.png");
    assertThat(browser.findElements(deployments)).isNotEmpty();
    assertThat(browser.findElements(delete)).isEmpty();
  }

  /** The action buttons of Cockpit's toolbar on an instance (delete, suspend, variable, retry). */
  private static final String TOOLBAR_ACTIONS = ".ctn-toolbar a.btn, .ctn-toolbar button";

  private void assessmentReady(String claimNumber) {
    EngineTime.runDueJobs(
        management,
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(claimNumber)
            .singleResult()
            .getId());
    assertThat(assessmentTask(claimNumber)).as("the claim's assessment task").isNotNull();
  }

  private Task assessmentTask(String claimNumber) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(claimNumber)
        .taskDefinitionKey("Task_AssessClaim")
        .singleResult();
  }

  private String url(String app) {
    return "http://localhost:" + port + "/camunda/app/" + app + "/default/";
  }

  /** Logs in to the webapp as the user (password "demo"), out of any earlier session. */
  private WebDriverWait logIn(String app, String user) {
    return logIn(app, user, "demo");
  }

  private WebDriverWait logIn(String app, String user, String password) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.manage().deleteAllCookies();
    HeadlessChromium.logIn(browser, url(app), user, password);
    return wait;
  }

  private static void screenshot(String name) throws IOException {
    Path file = Path.of("target", name);
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
