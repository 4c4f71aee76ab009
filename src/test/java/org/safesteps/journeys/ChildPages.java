package org.safesteps.journeys;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;

/** What a child does on the join and quiz pages, for the child journeys. */
final class ChildPages {

	private ChildPages() {
	}

	static void join(JourneyTest journey, String code) {
		journey.open("/join");
		journey.find(By.id("code")).sendKeys(code);
		journey.find(By.cssSelector("form.form button[type=submit]")).click();
		journey.waitForPath("/learn");
	}

	/** The options of a question in the order the quiz page shows this child (its hidden order field). */
	static List<Option> shownOn(WebDriver driver, Question question) {
		String key = driver.findElement(By.cssSelector("form.quiz input[name=order]")).getAttribute("value");
		return DisplayOrder.fromKey(key).orElseThrow().of(question);
	}

	/** Answers every question of the quiz on the page, all right or all wrong. */
	static void answer(WebDriver driver, Quiz quiz, boolean right) {
		answer(driver, quiz, (question) -> right);
	}

	/**
	 * Answers every question of the quiz on the page, right where {@code right} says so; a wrong
	 * answer is the first wrong option as written, wherever this child sees it (for an order question:
	 * the first places in shown order).
	 */
	static void answer(WebDriver driver, Quiz quiz, Predicate<Question> rightFor) {
		for (Question question : quiz.questions()) {
			boolean right = rightFor.test(question);
			List<Option> shown = shownOn(driver, question);
			String field = "q-" + question.id();
			if (question.type() == QuestionType.ORDER) {
				for (int i = 0; i < shown.size(); i++) {
					int place = right ? question.options().indexOf(shown.get(i)) + 1 : i + 1;
					new Select(driver.findElement(By.id(field + "-" + i))).selectByValue(Integer.toString(place));
				}
				continue;
			}
			if (!right) {
				Option wrong = question.options().stream().filter((o) -> !o.correct()).findFirst().orElseThrow();
				driver.findElement(By.cssSelector("label[for='" + field + "-" + shown.indexOf(wrong) + "']")).click();
				continue;
			}
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i).correct()) {
					driver.findElement(By.cssSelector("label[for='" + field + "-" + i + "']")).click();
					if (question.type() != QuestionType.MULTIPLE) {
						break;
					}
				}
			}
		}
		// the result page comes back at the same address as the quiz
		clickToNextPage(driver, By.cssSelector("form.quiz button[type=submit]"));
	}

	/**
	 * Clicks what {@code by} finds and returns once the page it leads to has loaded, wherever it is
	 * (also at the same address, or one that contains the old one's): this page is marked first, and
	 * the wait ends on a loaded page without the mark. Until then, reading the page could read the
	 * old one while it goes.
	 */
	static void clickToNextPage(WebDriver driver, By by) {
		JavascriptExecutor script = (JavascriptExecutor) driver;
		script.executeScript("document.documentElement.setAttribute('data-left', '')");
		driver.findElement(by).click();
		// while the page changes, the browser may answer about the old one with an error of its own
		new WebDriverWait(driver, JourneyTest.PATIENCE, Duration.ofMillis(20)).ignoring(WebDriverException.class)
			.until((browser) -> (Boolean) script.executeScript(
					"return !document.documentElement.hasAttribute('data-left') && document.readyState === 'complete'"));
	}

}
