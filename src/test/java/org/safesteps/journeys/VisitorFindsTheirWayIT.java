package org.safesteps.journeys;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door, the help router, the quick exit and a printable parent page, in real Chromium. */
class VisitorFindsTheirWayIT extends JourneyTest {

	@Test
	void aStudentFollowsTheStudentDoor() {
		open("/");
		find(By.linkText("Start learning")).click();
		waitForPath("/explore");
		assertThat(this.driver.getCurrentUrl()).endsWith("/explore");
		assertThat(find(By.tagName("main")).getText()).contains("Ages 5-7", "Ages 14-17");
	}

	@Test
	void theSameModuleInTwoBandsShowsTwoThemesAndTwoTexts() {
		String young = readFirstStep("ages-8-10");
		String youngTheme = this.driver.findElement(By.tagName("body")).getAttribute("class");
		String older = readFirstStep("ages-14-17");
		String olderTheme = this.driver.findElement(By.tagName("body")).getAttribute("class");
		assertThat(youngTheme).isEqualTo("theme-ages-8-10");
		assertThat(olderTheme).isEqualTo("theme-ages-14-17");
		assertThat(young).isNotBlank().isNotEqualTo(older);
	}

	private String readFirstStep(String band) {
		open("/explore/" + band);
		find(By.cssSelector("form[action$='/explore/" + band + "'] input[value='trusted-adults'] ~ button")).click();
		waitForPath("/learn/trusted-adults");
		return find(By.tagName("main")).getText();
	}

	@Test
	void theHelpBarLeadsToTheServicesOfTheChosenCountry() {
		open("/parents");
		find(By.linkText("Need help now?")).click();
		waitForPath("/help");
		new Select(find(By.id("country"))).selectByVisibleText("Australia");
		find(By.cssSelector(".country-form button")).click();
		waitForPath("country=AU");
		assertThat(find(By.tagName("main")).getText()).contains("Kids Helpline", "000");
	}

	@Test
	void theQuickExitButtonLeavesAndBackDoesNotReturn() {
		open("/");
		open("/parents/sextortion");
		find(By.cssSelector("[data-quick-exit]")).click();
		waitForUrl("about:blank");
		this.driver.navigate().back();
		assertThat(this.driver.getCurrentUrl()).doesNotContain("/parents/sextortion");
	}

	@Test
	void escapePressedTwiceLeavesTheSite() {
		open("/");
		open("/parents/threatened-image");
		find(By.tagName("h1"));
		new Actions(this.driver).sendKeys(Keys.ESCAPE).pause(100).sendKeys(Keys.ESCAPE).perform();
		waitForUrl("about:blank");
		this.driver.navigate().back();
		assertThat(this.driver.getCurrentUrl()).doesNotContain("/parents/threatened-image");
	}

	@Test
	void aParentPagePrintsWithoutNavigation() {
		open("/parents/sextortion");
		assertThat(find(By.cssSelector("[data-print]")).isDisplayed()).as("print button shown with JavaScript").isTrue();
		printMedia();
		assertThat(this.driver.findElement(By.cssSelector(".site-nav")).isDisplayed()).isFalse();
		assertThat(this.driver.findElement(By.cssSelector(".quick-exit-bar")).isDisplayed()).isFalse();
		assertThat(find(By.tagName("h1")).isDisplayed()).isTrue();
	}

}
