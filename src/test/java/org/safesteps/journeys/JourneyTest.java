package org.safesteps.journeys;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user journey in Chromium (Browser) against the whole app on a random port. The quick exit leads to
 * about:blank, not to the internet (no test browser goes out); every journey has the same
 * configuration, so they all share one application context. The themes come from the jar, as in
 * production: the browser keeps the stylesheets and the script for the next pages (from the folder
 * they are sent with no-cache, and every page load asked for each of them again).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "safesteps.site.quick-exit-url=about:blank", "safesteps.themes.dir=target/no-themes-folder" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JourneyTest {

	static final Duration POLL = Duration.ofMillis(20);

	/**
	 * How long a step waits for its page at most: no time at all when the page is there, and enough
	 * for a loaded machine (two journeys at once beside other builds) where 10 s ran out.
	 */
	static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	WebDriver driver;

	@BeforeAll
	void takeBrowser() {
		this.driver = Browser.take(browser());
	}

	/** The Chromium this journey runs in: the headless shell unless it needs a browser window (Browser). */
	String browser() {
		return Browser.HEADLESS_SHELL;
	}

	@AfterAll
	void giveBrowserBack() {
		if (this.driver != null) {
			Browser.giveBack(this.driver, url(""));
		}
	}

	@BeforeEach
	void freshBrowserState() {
		this.driver.manage().deleteAllCookies();
		((org.openqa.selenium.chromium.HasCdp) this.driver).executeCdpCommand("Emulation.setEmulatedMedia",
				java.util.Map.of("media", ""));
	}

	void open(String path) {
		this.driver.get(url(path));
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * The visible element, looked for again if the page replaced it between finding it and asking
	 * whether it is shown (Chrome then answers "Node with given id does not belong to the document",
	 * not a stale element).
	 */
	WebElement find(By by) {
		return waitUpTo(PATIENCE).until((browser) -> {
			try {
				return ExpectedConditions.visibilityOfElementLocated(by).apply(browser);
			}
			catch (WebDriverException ex) {
				if (replaced(ex)) {
					return null;
				}
				throw ex;
			}
		});
	}

	/** Whether the element asked about was replaced by the page: look for it again. */
	static boolean replaced(WebDriverException ex) {
		return ex instanceof StaleElementReferenceException
				|| String.valueOf(ex.getMessage()).contains("does not belong to the document");
	}

	/**
	 * A wait that looks again every 20 ms: with Selenium's default of every 500 ms, a step whose next
	 * page was still on its way at the first look waited up to half a second more.
	 */
	WebDriverWait waitUpTo(Duration timeout) {
		return new WebDriverWait(this.driver, timeout, POLL);
	}

	/**
	 * The page's h1, read again if the page was replaced between finding it and reading it. After a
	 * click that leads to another page, use {@link #waitForHeading} instead: the old page's h1 may
	 * still be there.
	 */
	String heading() {
		return waitUpTo(PATIENCE).until((browser) -> {
			try {
				return find(By.tagName("h1")).getText();
			}
			catch (WebDriverException ex) {
				if (replaced(ex)) {
					return null;
				}
				throw ex;
			}
		});
	}

	/**
	 * Waits for the page whose h1 is {@code text}: after a click, the next page may still be on its
	 * way while the old one (and its h1) is shown.
	 */
	void waitForHeading(String text) {
		waitUpTo(PATIENCE).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
	}

	void waitForUrl(String url) {
		waitUpTo(PATIENCE).until(ExpectedConditions.urlToBe(url));
	}

	/** Renders the page as it prints (Chrome DevTools media emulation). */
	void printMedia() {
		((org.openqa.selenium.chromium.HasCdp) this.driver).executeCdpCommand("Emulation.setEmulatedMedia",
				java.util.Map.of("media", "print"));
	}

	void waitForPath(String path) {
		waitUpTo(PATIENCE).until(ExpectedConditions.urlContains(path));
	}

}
