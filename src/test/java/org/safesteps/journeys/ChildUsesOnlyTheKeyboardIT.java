package org.safesteps.journeys;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child who uses only the keyboard (Tab, Shift-Tab, Space, Enter, arrow keys) joins a class,
 * reads a lesson to the end, answers its quiz (an "order" question included) and sees the result.
 */
class ChildUsesOnlyTheKeyboardIT extends JourneyTest {

	private static final String MODULE = "trusted-adults";

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void childJoinsReadsALessonAndAnswersAQuizWithTheKeyboardOnly() {
		Keyboard keys = new Keyboard(this.driver);
		SchoolClass schoolClass = this.classes.create("Keyboard class", Band.AGES_8_10, "teacher-keyboard");

		open("/");
		WebElement skip = keys.tabTo("skip link", (e) -> e.getAttribute("class").contains("skip-link"));
		assertThat(skip.getText()).isEqualTo("Skip to the main content");
		keys.tabToLink("Start learning");
		keys.press(Keys.ENTER);
		waitForPath("/explore");
		keys.tabTo("link to join", (e) -> "a".equals(e.getTagName()) && e.getAttribute("href").endsWith("/join"));
		keys.press(Keys.ENTER);
		waitForPath("/join");

		keys.tabToId("code");
		keys.press(schoolClass.joinCode());
		keys.press(Keys.ENTER);
		waitForPath("/learn");

		keys.tabTo("the lesson link", (e) -> "a".equals(e.getTagName())
				&& e.getAttribute("href").endsWith("/learn/" + MODULE));
		keys.press(Keys.ENTER);
		waitForPath("/learn/" + MODULE);
		int steps = this.curriculum.module(MODULE).orElseThrow().lesson(Band.AGES_8_10).orElseThrow().steps().size();
		for (int step = 1; step < steps; step++) {
			assertThat(find(By.id("step-progress")).getText()).isEqualTo("Step " + step + " of " + steps);
			keys.tabToLink("Next");
			keys.press(Keys.ENTER);
			waitForPath("step=" + (step + 1));
		}
		// Shift-Tab from the end of the page back to the quiz link.
		keys.tabToLink("My lessons");
		keys.shiftTab();
		assertThat(keys.focused().getText()).isEqualTo("Take the quiz");
		keys.press(Keys.ENTER);
		waitForPath("/learn/" + MODULE + "/quiz");

		// Checking with no answers: the focus moves to the summary of problems, whose links lead to the questions.
		keys.tabTo("the submit button", (e) -> "submit".equals(e.getAttribute("type")));
		keys.press(Keys.ENTER);
		find(By.cssSelector(".error-summary"));
		assertThat(keys.focused().getAttribute("class")).contains("error-summary");
		keys.tabTo("the first problem's link", (e) -> "a".equals(e.getTagName())
				&& e.getDomAttribute("href").startsWith("#question-"));
		keys.press(Keys.ENTER);

		Quiz quiz = this.curriculum.module(MODULE).orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		assertThat(quiz.questions()).extracting(Question::type).contains(QuestionType.ORDER);
		for (Question question : quiz.questions()) {
			answer(keys, question);
		}
		keys.tabTo("the submit button", (e) -> "submit".equals(e.getAttribute("type")));
		keys.press(Keys.ENTER);

		assertThat(heading()).isEqualTo("Your answers");
		assertThat(find(By.cssSelector(".result-score")).getText()).contains("(100%)");
		assertThat(this.driver.findElements(By.cssSelector(".result.is-wrong"))).isEmpty();
	}

	/** The right answer to one question, given with arrow keys, Space and Tab only. */
	private void answer(Keyboard keys, Question question) {
		List<Option> shown = ChildPages.shownOn(this.driver, question);
		String field = "q-" + question.id();
		if (question.type() == QuestionType.ORDER) {
			for (int i = 0; i < shown.size(); i++) {
				WebElement select = keys.tabToId(field + "-" + i);
				int place = question.options().indexOf(shown.get(i)) + 1;
				for (int down = 0; down < place; down++) {
					keys.press(Keys.ARROW_DOWN);
				}
				assertThat(new Select(select).getFirstSelectedOption().getText()).isEqualTo(Integer.toString(place));
			}
			return;
		}
		if (question.type() == QuestionType.MULTIPLE) {
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i).correct()) {
					keys.tabToId(field + "-" + i);
					keys.press(Keys.SPACE);
				}
			}
			return;
		}
		int right = shown.indexOf(shown.stream().filter(Option::correct).findFirst().orElseThrow());
		keys.tabTo("the options of " + question.id(), (e) -> field.equals(e.getAttribute("name")));
		while (!(field + "-" + right).equals(keys.focused().getAttribute("id"))) {
			keys.press(Keys.ARROW_DOWN);
		}
		keys.press(Keys.SPACE);
		assertThat(keys.focused().isSelected()).isTrue();
	}

}
