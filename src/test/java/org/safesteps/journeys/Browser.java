package org.safesteps.journeys;

import java.io.File;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Headless Debian Chromium through the system chromedriver: Selenium Manager never runs, so
 * nothing is downloaded.
 * <p>
 * A test class borrows a browser for its tests ({@link #take}) and gives it back clean
 * ({@link #giveBack}): no cookies or storage of the site, no emulation, no download folder, one tab
 * on about:blank. The next class gets it instead of a new Chromium: starting one cost about 3.5 CPU s
 * (browser, GPU process, zygotes, network service), and the browser tests started 17. Its HTTP cache
 * stays warm, as a pupil's browser's would; the test of a first visit clears it itself.
 * <p>
 * Three navigation features are off: a new document object for every navigation (RenderDocument),
 * a fresh browsing instance for same-site navigations, and the back/forward cache they serve. With
 * them on, each page load of a journey cost headless Chromium about 220 CPU ms; with them off about
 * 140-155 (a probe of 45-90 loads of three pages, paired runs), and the browser tests' Chromium took
 * 299 CPU s instead of 422 (docs/testing.md, "Sixth pass"). The pages behave the same: no journey
 * relies on a page kept for the back button (the quick exit's test checks the address back leads to).
 * <p>
 * JavaScript runs without V8's optimising compilers (Maglev, TurboFan): every page is a new document,
 * so the 650 KB of axe-core loaded into each is compiled and run cold, and the optimised code compiled
 * in the background for it was thrown away with the page. Without them a page opened and scanned cost
 * Chromium about 290 CPU ms instead of 415, and axe-core's run took 80 ms instead of 115 (a probe of
 * four pages opened 28 times each, three alternating runs of each setting). Scripts behave the same.
 */
final class Browser {

	static final String CHROMIUM = System.getProperty("safesteps.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("safesteps.chromedriver", "/usr/bin/chromedriver");

	/** Browsers given back and not borrowed again yet; each with the tab it was first handed out on. */
	private static final Deque<WebDriver> IDLE = new ArrayDeque<>();

	private static final Map<WebDriver, String> HOME_TAB = new IdentityHashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "browsers-quit"));
	}

	private Browser() {
	}

	/** A browser for one test class: one given back earlier, or a new one. */
	static WebDriver take() {
		synchronized (IDLE) {
			WebDriver idle = IDLE.poll();
			if (idle != null) {
				return idle;
			}
		}
		WebDriver driver = start();
		String tab = driver.getWindowHandle();
		synchronized (IDLE) {
			HOME_TAB.put(driver, tab);
		}
		return driver;
	}

	/**
	 * Takes back a browser from {@link #take}, cleaned for the next class (the site's data at
	 * {@code origin} cleared); one that cannot be cleaned is quit.
	 */
	static void giveBack(WebDriver driver, String origin) {
		String home;
		synchronized (IDLE) {
			home = HOME_TAB.get(driver);
		}
		if (home == null) {
			// not one of ours (or quit already): nothing to clean, nothing to lend again
			quit(driver);
			return;
		}
		try {
			for (String tab : driver.getWindowHandles()) {
				if (!tab.equals(home)) {
					driver.switchTo().window(tab).close();
				}
			}
			driver.switchTo().window(home);
			driver.get("about:blank");
			HasCdp cdp = (HasCdp) driver;
			cdp.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
			driver.manage().deleteAllCookies();
			cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
			cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			cdp.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
			driver.manage().timeouts().implicitlyWait(Duration.ZERO);
			driver.manage().timeouts().pageLoadTimeout(JourneyTest.PATIENCE);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		}
		catch (WebDriverException ex) {
			quit(driver);
			return;
		}
		synchronized (IDLE) {
			IDLE.push(driver);
		}
	}

	private static void quit(WebDriver driver) {
		synchronized (IDLE) {
			HOME_TAB.remove(driver);
		}
		try {
			driver.quit();
		}
		catch (WebDriverException ex) {
			// already gone: nothing left to stop
		}
	}

	private static void quitIdle() {
		while (true) {
			WebDriver driver;
			synchronized (IDLE) {
				driver = IDLE.poll();
			}
			if (driver == null) {
				return;
			}
			quit(driver);
		}
	}

	static WebDriver start() {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--window-size=1280,900", "--lang=en-GB",
				"--disable-features=RenderDocument,ProactivelySwapBrowsingInstance,BackForwardCache",
				"--js-flags=--no-opt --no-maglev");
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		driver.manage().timeouts().pageLoadTimeout(JourneyTest.PATIENCE);
		return driver;
	}

}
