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
				"--disable-extensions", "--window-size=1280,900", "--lang=en-GB");
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		driver.manage().timeouts().pageLoadTimeout(JourneyTest.PATIENCE);
		return driver;
	}

}
