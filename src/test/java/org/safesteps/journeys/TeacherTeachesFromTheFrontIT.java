package org.safesteps.journeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.safesteps.account.AccountStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher teaches from the front: moves through the lesson on the board with the keys a
 * presentation clicker sends, the presenter notes following in a second tab, and prints the
 * lesson pack (print media: no navigation, quick exit or buttons; as wide as A4 and Letter paper).
 */
class TeacherTeachesFromTheFrontIT extends JourneyTest {

	/** Printable width in CSS pixels (96 per inch) inside the 15 mm margins of the pack's @page. */
	static final Map<String, Integer> PAPER = Map.of("A4", mm(210 - 30), "Letter", mm(215.9 - 30));

	/** The site's controls the page shows: laid out and not hidden (as WebElement.isDisplayed decides). */
	private static final String PRINTED_CONTROLS = """
			return Array.from(document.querySelectorAll('nav, .site-nav, .quick-exit-bar, .help-bar, button, .button, form, .site-footer'))
			  .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
			    && getComputedStyle(el).opacity !== '0')
			  .map((el) => el.tagName.toLowerCase() + '.' + el.className);
			""";

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	@Test
	void clickerKeysMoveTheBoardAndThePresenterNotesFollowInTheSameBrowser() {
		signIn();
		String board = "/teacher/modules/online-friends/ages-8-10/present";
		open(board + "?step=1&country=GB");
		assertThat(find(By.cssSelector(".board-progress")).getText()).startsWith("Step 1 of");
		press(Keys.ARROW_RIGHT);
		waitForStep(2);
		press(Keys.PAGE_DOWN);
		waitForStep(3);
		press(Keys.SPACE);
		waitForStep(4);
		press(Keys.ARROW_LEFT);
		waitForStep(3);
		press(Keys.PAGE_UP);
		waitForStep(2);
		assertThat(this.driver.findElements(By.cssSelector(".quick-exit-bar, .help-bar, .site-footer"))).isEmpty();

		String boardTab = this.driver.getWindowHandle();
		this.driver.switchTo().newWindow(WindowType.TAB);
		open(board + "/notes?step=2&country=GB");
		String notesTab = this.driver.getWindowHandle();
		find(By.cssSelector(".presenter-notes"));
		this.driver.switchTo().window(boardTab);
		press(Keys.ARROW_RIGHT);
		waitForStep(3);
		this.driver.switchTo().window(notesTab);
		waitForStep(3);
		assertThat(find(By.cssSelector(".step-progress")).getText()).startsWith("Step 3 of");
		press(Keys.ARROW_RIGHT);
		waitForStep(4);
		this.driver.switchTo().window(boardTab);
		waitForStep(4);
		this.driver.switchTo().window(notesTab);
		this.driver.close();
		this.driver.switchTo().window(boardTab);
	}

	@Test
	void everyPackPrintsWithoutTheSitesControlsAndFitsA4AndLetter() {
		signIn();
		List<String> problems = new ArrayList<>();
		for (Module module : this.curriculum.modules()) {
			for (Band band : module.bands()) {
				for (String page : List.of("pack?country=GB", "answers")) {
					String path = "/teacher/modules/" + module.id() + "/" + band.id() + "/" + page;
					open(path);
					find(By.cssSelector(".pack-sheet"));
					assertThat(controls()).as("%s on screen has controls the print check must see", path).isNotEmpty();
					printMedia();
					// one script for all of the page's controls (a round trip per element took most of the time)
					controls().forEach((control) -> problems.add(path + ": prints " + control));
					for (Map.Entry<String, Integer> paper : PAPER.entrySet()) {
						width(paper.getValue());
						Number overflow = (Number) ((JavascriptExecutor) this.driver).executeScript(
								"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
						if (overflow.intValue() > 0) {
							problems.add(path + ": " + overflow + "px wider than " + paper.getKey());
						}
					}
					width(0);
					((HasCdp) this.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> controls() {
		return (List<String>) ((JavascriptExecutor) this.driver).executeScript(PRINTED_CONTROLS);
	}

	private void width(int pixels) {
		if (pixels == 0) {
			((HasCdp) this.driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			return;
		}
		((HasCdp) this.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", pixels, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
	}

	private void press(CharSequence key) {
		new Actions(this.driver).sendKeys(key).perform();
	}

	private void waitForStep(int step) {
		waitUpTo(PATIENCE).until(ExpectedConditions.urlContains("step=" + step + "&"));
		find(By.cssSelector("[data-present-step='" + step + "']"));
	}

	private void signIn() {
		String email = "front-" + UUID.randomUUID() + "@school.example";
		this.accounts.create(email, "Front Teacher", "a long teacher passphrase", false);
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys("a long teacher passphrase");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
	}

	private static int mm(double millimetres) {
		return (int) Math.floor(millimetres / 25.4 * 96);
	}

}
