package dk.dss.flexclaims.tasklist;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.support.EngineTime;
import dk.dss.flexclaims.support.FlexIntegrationTest;
import dk.dss.flexclaims.support.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * A psychologist works a trauma callback in the real Tasklist, in headless Chromium: the form shows
 * whom to call, the phone and the deadline as a date; the call did not reach the insured, is
 * recorded as such, and comes back with the clock still running. Needs Debian's {@code chromium}
 * and {@code chromium-driver} (required in CI with {@code -Dflex.browser-tests=required}).
 */
@FlexIntegrationTest
class CallerFormsBrowserIT {

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start("caller-forms-browser");
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aPsychologistRecordsACallThatDidNotReachTheInsured() throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1981, 9, 14));
    Map<String, Object> body = claim(policy, "TRAUMA", null, LocalDate.now(Copenhagen.ZONE));
    body.put(
        "incident",
        Map.of(
            "type",
            "ROBBERY_ASSAULT",
            "occurredAt",
            java.time.OffsetDateTime.now().minusHours(2).toString(),
            "policeReport",
            "KBH-2026-4711"));
    body.put("phone", "+45 22 33 44 55");
    String claimNumber = scenarios.report(body);
    ProcessInstance route =
        runtime.startProcessInstanceByKey(
            "trauma-callback", claimNumber, Map.of("claimNumber", claimNumber));
    EngineTime.runDueJobs(management, route.getId());

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.findElement(By.cssSelector("input[type=text]")).sendKeys("nina");
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    String taskId = tasks.createTaskQuery().processInstanceId(route.getId()).singleResult().getId();
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    // the task list names the claim too: wait for the form itself
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Deadline:"));
    WebElement intro =
        browser.findElement(By.xpath("//*[contains(text(), '" + claimNumber + "')]"));
    String deadline =
        DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK)
            .format(
                tasks
                    .createTaskQuery()
                    .processInstanceId(route.getId())
                    .singleResult()
                    .getDueDate()
                    .toInstant()
                    .atZone(Copenhagen.ZONE));
    String page = browser.findElement(By.tagName("body")).getText();
    assertThat(page).contains("Karen Jensen", "+45 22 33 44 55", "Deadline: " + deadline);
    assertThat(intro.isDisplayed()).isTrue();

    click(wait, "//*[self::a or self::button][normalize-space()='Claim']");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    click(wait, "//label[starts-with(normalize-space(), 'Not reached')]");
    // the form offers 5-minute steps: the next step, within the few minutes' leeway for a call
    LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES);
    LocalDateTime called = now.plusMinutes((5 - now.getMinute() % 5) % 5);
    WebElement date =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id*=Field_CalledAt][id$=date], input[id*=Field_CalledAt]")));
    date.sendKeys(DateTimeFormatter.ofPattern("MM/dd/yyyy").format(called), Keys.TAB);
    WebElement time = browser.findElement(By.cssSelector("input[id*=Field_CalledAt][id$=time]"));
    time.sendKeys(DateTimeFormatter.ofPattern("HH:mm").format(called), Keys.TAB);
    Path screenshot = Path.of("target", "tasklist-callback-not-reached.png");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    click(wait, "//button[normalize-space()='Complete']");

    wait.until(
        driver ->
            runtime.createProcessInstanceQuery().processInstanceId(route.getId()).count() == 1
                && Integer.valueOf(1)
                    .equals(runtime.getVariable(route.getId(), "callbackAttempts")));
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(route.getId())
                .taskDefinitionKey("Task_CallInsuredBack")
                .count())
        .isOne();
    assertThat(runtime.getVariable(route.getId(), "slaOutcome")).isNull();

    // the other browser tests' task lists stay as they were
    runtime.deleteProcessInstance(route.getId(), "browser test done");
    runtime.deleteProcessInstance(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber).list().stream()
            .filter(instance -> !instance.getId().equals(route.getId()))
            .findFirst()
            .orElseThrow()
            .getId(),
        "browser test done");
  }

  private static void click(WebDriverWait wait, String xpath) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))).click();
  }
}
