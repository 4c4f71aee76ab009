package org.safesteps.journeys;

import java.util.function.Predicate;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyboard-only user: keys go to whatever has the focus (never element.click()), and every
 * element the focus stops on must show it.
 */
final class Keyboard {

	private static final int MAX_TABS = 80;

	private final WebDriver driver;

	Keyboard(WebDriver driver) {
		this.driver = driver;
	}

	WebElement focused() {
		return this.driver.switchTo().activeElement();
	}

	void press(CharSequence key) {
		new Actions(this.driver).sendKeys(key).perform();
	}

	void shiftTab() {
		new Actions(this.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
	}

	/** Presses Tab until the focused element matches; fails if it never does. */
	WebElement tabTo(String description, Predicate<WebElement> wanted) {
		for (int i = 0; i < MAX_TABS; i++) {
			press(Keys.TAB);
			WebElement focused = focused();
			if (wanted.test(focused)) {
				assertFocusVisible(focused);
				return focused;
			}
		}
		throw new AssertionError("Tab never reached " + description + " on " + this.driver.getCurrentUrl());
	}

	WebElement tabToId(String id) {
		return tabTo("#" + id, (element) -> id.equals(element.getAttribute("id")));
	}

	WebElement tabToLink(String text) {
		return tabTo("link " + text, (element) -> "a".equals(element.getTagName()) && element.getText().strip().equals(text));
	}

	/** The focus indicator: an outline or a ring (box-shadow) on the element or, for a radio or checkbox, its label. */
	void assertFocusVisible(WebElement element) {
		Object visible = ((JavascriptExecutor) this.driver).executeScript("""
				const el = arguments[0];
				const shows = (e) => { if (!e) return false; const s = getComputedStyle(e);
				  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none'); };
				return shows(el) || (el.labels && el.labels.length > 0 && shows(el.labels[0]));
				""", element);
		assertThat(visible).as("focus visible on %s %s", element.getTagName(), element.getAttribute("outerHTML"))
			.isEqualTo(Boolean.TRUE);
	}

}
