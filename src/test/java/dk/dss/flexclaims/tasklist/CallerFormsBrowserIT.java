package dk.dss.flexclaims.tasklist;

import static dk.dss.flexclaims.support.Scenarios.claim;
import static dk.dss.flexclaims.support.Scenarios.withAssault;
import static org.assertj.core.api.Assertions.assertThat;

import dk.dss.flexclaims.calendar.Copenhagen;
import dk.dss.flexclaims.sla.ServiceLevelClock;
import dk.dss.flexclaims.sla.ServiceLevelService;
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
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
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

  /** How a date is typed and shown in the forms (the Tasklist script's format). */
  private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private static WebDriver browser;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired ServiceLevelService serviceLevels;

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
    withAssault(body, java.time.OffsetDateTime.now().minusHours(2).toString(), "KBH-2026-4711");
    body.put("phone", "+45 22 33 44 55");
    String claimNumber = scenarios.report(body);
    ProcessInstance route =
        runtime.startProcessInstanceByKey(
            "trauma-callback", claimNumber, Map.of("claimNumber", claimNumber));
    EngineTime.runDueJobs(management, route.getId());

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    logInAsNina(wait);

    String taskId = tasks.createTaskQuery().processInstanceId(route.getId()).singleResult().getId();
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
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flex-claim-hint")));
    click(wait, "//label[starts-with(normalize-space(), 'Not reached')]");
    // the form offers 5-minute steps: the next step, within the few minutes' leeway for a call
    LocalDateTime now = LocalDateTime.now(ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES);
    LocalDateTime called = now.plusMinutes((5 - now.getMinute() % 5) % 5);
    WebElement date =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id*=Field_CalledAt][id$=date], input[id*=Field_CalledAt]")));
    date.sendKeys(DANISH_DATE.format(called), Keys.TAB);
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

  /**
   * A nurse books a specialist examination with dates typed day first: the calendar starts on
   * Monday, an extension the server refuses shows its reason, and the booking that follows leaves
   * no error on screen and says the task was completed. The date reaches the clock as the date
   * typed.
   */
  @Test
  void aNurseBooksTheExaminationWithADanishDate() throws IOException {
    Scenarios scenarios = new Scenarios(mvc);
    Scenarios.PolicyRef policy =
        scenarios.importPolicy(LocalDate.now().minusYears(1), LocalDate.of(1979, 3, 2));
    Map<String, Object> body =
        claim(policy, "SPECIALIST_EXAM", "R51", LocalDate.now(Copenhagen.ZONE).minusDays(5));
    body.put("phone", "+45 22 33 44 66");
    String claimNumber = scenarios.report(body);
    ProcessInstance route =
        runtime.startProcessInstanceByKey(
            "specialist-examination", claimNumber, Map.of("claimNumber", claimNumber));
    EngineTime.runDueJobs(management, route.getId());
    org.camunda.bpm.engine.task.Task booking =
        tasks
            .createTaskQuery()
            .processInstanceId(route.getId())
            .taskDefinitionKey("Task_BookExamination")
            .singleResult();
    LocalDate deadline = booking.getDueDate().toInstant().atZone(Copenhagen.ZONE).toLocalDate();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    logInAsNina(wait);
    browser.get(
        "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + booking.getId());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Deadline:"));
    // not claimed yet: the form says so and takes no input
    WebElement hint =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flex-claim-hint")));
    assertThat(hint.getText()).contains("Claim the task to work on it");
    assertThat(browser.findElement(By.cssSelector(".disabled-form")).getAttribute("inert"))
        .isNotNull();
    screenshot("tasklist-booking-unclaimed.png");

    click(wait, "//*[self::a or self::button][normalize-space()='Claim']");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flex-claim-hint")));

    // an extension beyond the 3 months the server allows: refused, with the server's reason
    click(wait, "//label[starts-with(normalize-space(), 'Deadline extended')]");
    WebElement newDeadline = dateInput(wait, "Field_NewDeadline");
    assertThat(newDeadline.getAttribute("placeholder")).isEqualTo("dd-mm-yyyy");
    click(newDeadline);
    List<String> weekdays =
        wait
            .until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(
                    By.cssSelector(".flatpickr-calendar.open .flatpickr-weekday")))
            .stream()
            .map(day -> day.getText().trim())
            .toList();
    assertThat(weekdays).startsWith("Mon", "Tue").endsWith("Sun");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'end'});",
            browser.findElement(By.cssSelector(".flatpickr-calendar.open")));
    screenshot("tasklist-booking-calendar-monday-first.png");
    newDeadline.sendKeys(DANISH_DATE.format(deadline.plusMonths(4)), Keys.TAB);
    assertThat(newDeadline.getAttribute("value"))
        .isEqualTo(DANISH_DATE.format(deadline.plusMonths(4)));
    click(wait, "//button[normalize-space()='Complete']");
    WebElement refused =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert-danger")));
    assertThat(refused.getText()).contains("at most 3 months after it");
    screenshot("tasklist-booking-refused.png");

    // booked instead, the date typed day first
    LocalDate examination = LocalDate.now().plusDays(9);
    click(wait, "//label[starts-with(normalize-space(), 'Examination booked')]");
    WebElement date = dateInput(wait, "Field_ExaminationDate");
    click(date);
    date.sendKeys(DANISH_DATE.format(examination), Keys.TAB);
    assertThat(date.getAttribute("value")).isEqualTo(DANISH_DATE.format(examination));
    browser
        .findElement(By.cssSelector("input[id*=Field_ExaminationProvider]"))
        .sendKeys("Privathospitalet Aros");
    click(wait, "//label[normalize-space()='Private']");
    screenshot("tasklist-booking-danish-date.png");
    click(wait, "//button[normalize-space()='Complete']");

    wait.until(
        driver ->
            serviceLevels
                .ofProcess(route.getId())
                .map(ServiceLevelClock::examinationDate)
                .isPresent());
    ServiceLevelClock clock = serviceLevels.ofProcess(route.getId()).orElseThrow();
    assertThat(clock.examinationDate()).isEqualTo(examination);
    WebElement completed =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert-success")));
    assertThat(completed.getText()).contains("Task completed", "Book specialist examination");
    assertThat(browser.findElements(By.cssSelector(".page-notifications .alert-danger")))
        .as("the refusal's toast is gone after the booking went through")
        .isEmpty();
    screenshot("tasklist-booking-completed.png");

    // the other browser tests' task lists stay as they were
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimNumber).list().stream()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "browser test done"));
  }

  private void logInAsNina(WebDriverWait wait) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.manage().deleteAllCookies();
    HeadlessChromium.logIn(
        browser, "http://localhost:" + port + "/camunda/app/tasklist/default/", "nina", "demo");
  }

  private static WebElement dateInput(WebDriverWait wait, String field) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("input[id*=" + field + "][id$=date]")));
  }

  private static void screenshot(String name) throws IOException {
    Path screenshot = Path.of("target", name);
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static void click(WebDriverWait wait, String xpath) {
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath))));
  }

  /** Clicks in the middle of the window: Tasklist's toasts cover the bottom of the form. */
  private static void click(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }
}
