package dk.dss.flexclaims.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for the browser tests. Required with {@code
 * -Dflex.browser-tests=required} (CI), otherwise a test class is skipped when it is not installed.
 */
final class HeadlessChromium {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** A browser with a profile of its own, named after the test class's purpose. */
  static WebDriver start(String profile) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("required".equals(System.getProperty("flex.browser-tests"))) {
      assertThat(installed)
          .as("Chromium and chromedriver at /usr/bin (apt-get install chromium chromium-driver)")
          .isTrue();
    }
    assumeTrue(installed, "Chromium is not installed: apt-get install chromium chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1400,1000",
        "--user-data-dir=" + Files.createTempDirectory(profile));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /**
   * Logs in on the webapp's login form at the address and waits until the login has gone through.
   * The form may be drawn again just after it appears, taking what was typed with it: then the
   * login is tried again (at most three times).
   */
  static void logIn(WebDriver browser, String url, String user, String password) {
    browser.get(url);
    By name = By.cssSelector("input[type=text]");
    By secret = By.cssSelector("input[type=password]");
    WebDriverWait appears = new WebDriverWait(browser, Duration.ofSeconds(30));
    for (int attempt = 1; ; attempt++) {
      try {
        appears.until(ExpectedConditions.elementToBeClickable(secret));
        WebElement nameField = browser.findElement(name);
        nameField.clear();
        nameField.sendKeys(user);
        WebElement secretField = browser.findElement(secret);
        secretField.clear();
        secretField.sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
            .until(ExpectedConditions.invisibilityOfElementLocated(secret));
        return;
      } catch (TimeoutException | StaleElementReferenceException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }
}
