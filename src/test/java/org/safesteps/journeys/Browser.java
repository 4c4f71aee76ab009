package org.safesteps.journeys;

import java.io.File;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;

/**
 * Debian's Chromium through the system chromedriver: Selenium Manager never runs, so nothing is
 * downloaded. Journeys run in Chromium's headless shell (Debian {@code chromium-headless-shell}:
 * the same Blink, V8 and accessibility tree as the browser, without the browser's windows and tabs),
 * where a page load cost 87-91 CPU ms against 156-158 for the whole browser in headless mode, and a
 * page loaded and scanned by axe-core 159-190 against 238-256 (a probe of four pages loaded eight
 * times, two alternating runs each). A journey that needs what only a browser window does asks for
 * {@link #CHROMIUM} (the first visit's download of the tab icon). Both send the same languages and
 * show the same viewport (1280 x 757, the whole browser's window of 900 less its own bars), so they
 * are served and lay out the same pages: with the shell's default (no Accept-Language header, a
 * 900-pixel viewport), axe-core found the same violations (none) but five of 208 scans checked a
 * page without a country's help numbers (docs/testing.md, "Seventh pass").
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

	/**
	 * Chromium's headless shell: every journey's browser unless it asks for another. The binary
	 * itself: Debian's {@code /usr/bin/chromium-headless-shell} is a script that starts it as a child
	 * without {@code exec}, so chromedriver's quit stopped the script and left the browser running
	 * (three per suite run).
	 */
	static final String HEADLESS_SHELL = System.getProperty("safesteps.chromium", "/usr/lib/chromium/chromium-headless-shell");

	/** The whole browser (in headless mode), for what only a browser window does. */
	static final String CHROMIUM = System.getProperty("safesteps.chromium.full", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("safesteps.chromedriver", "/usr/bin/chromedriver");

	/** Browsers given back and not borrowed again yet, by binary; each with the tab it was first handed out on. */
	private static final Map<String, Deque<WebDriver>> IDLE = new HashMap<>();

	private static final Map<WebDriver, String> HOME_TAB = new IdentityHashMap<>();

	private static final Map<WebDriver, String> BINARY = new IdentityHashMap<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "browsers-quit"));
	}

	private Browser() {
	}

	/** A browser ({@code binary}: {@link #HEADLESS_SHELL} or {@link #CHROMIUM}) for one test class: one given back earlier, or a new one. */
	static WebDriver take(String binary) {
		synchronized (IDLE) {
			WebDriver idle = IDLE.computeIfAbsent(binary, (key) -> new ArrayDeque<>()).poll();
			if (idle != null) {
				return idle;
			}
		}
		WebDriver driver = start(binary);
		String tab = driver.getWindowHandle();
		synchronized (IDLE) {
			HOME_TAB.put(driver, tab);
			BINARY.put(driver, binary);
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
			IDLE.computeIfAbsent(BINARY.get(driver), (key) -> new ArrayDeque<>()).push(driver);
		}
	}

	private static void quit(WebDriver driver) {
		synchronized (IDLE) {
			HOME_TAB.remove(driver);
			BINARY.remove(driver);
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
				driver = IDLE.values().stream().map(Deque::poll).filter(Objects::nonNull).findFirst().orElse(null);
			}
			if (driver == null) {
				return;
			}
			quit(driver);
		}
	}

	static WebDriver start(String binary) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary);
		boolean shell = !binary.equals(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", shell ? "--window-size=1280,757" : "--window-size=1280,900", "--lang=en-GB",
				"--accept-lang=en-US,en",
				"--disable-features=RenderDocument,ProactivelySwapBrowsingInstance,BackForwardCache",
				"--js-flags=--no-opt --no-maglev");
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		driver.manage().timeouts().pageLoadTimeout(JourneyTest.PATIENCE);
		return driver;
	}

}
