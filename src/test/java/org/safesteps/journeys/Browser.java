package org.safesteps.journeys;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through the system chromedriver: Selenium Manager never runs, so
 * nothing is downloaded. One browser per test class.
 * <p>
 * Three navigation features are off: a new document object for every navigation (RenderDocument),
 * a fresh browsing instance for same-site navigations, and the back/forward cache they serve. With
 * them on, each page load of a journey cost headless Chromium about 220 CPU ms; with them off about
 * 140-155 (a probe of 45-90 loads of three pages, paired runs), and the browser tests' Chromium took
 * 299 CPU s instead of 422 (docs/testing.md, "Sixth pass"). The pages behave the same: no journey
 * relies on a page kept for the back button (the quick exit's test checks the address back leads to).
 */
final class Browser {

	static final String CHROMIUM = System.getProperty("safesteps.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("safesteps.chromedriver", "/usr/bin/chromedriver");

	private Browser() {
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
				"--disable-features=RenderDocument,ProactivelySwapBrowsingInstance,BackForwardCache");
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		driver.manage().timeouts().pageLoadTimeout(JourneyTest.PATIENCE);
		return driver;
	}

}
