package org.safesteps.journeys;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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
 * A child answers a quiz whose options are shuffled for them, reloads it (same order), submits,
 * comes back later and reopens the result from /me, in the order they saw the options.
 */
class ChildReviewsAShuffledQuizIT extends JourneyTest {

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void aChildReloadsAShuffledQuizSeesTheSameOrderAndLaterReopensTheResultFromMe() {
		SchoolClass schoolClass = this.classes.create("Year 6 Rowan", Band.AGES_11_13, "teacher-journey");
		ChildPages.join(this, schoolClass.code().display());
		Quiz quiz = this.curriculum.module("sextortion").orElseThrow().quiz(Band.AGES_11_13).orElseThrow();

		open("/learn/sextortion/quiz");
		List<String> shown = labels();
		assertThat(shown).isNotEmpty();
		this.driver.navigate().refresh();
		assertThat(labels()).as("a reload keeps the order").isEqualTo(shown);
		List<String> authored = quiz.questions()
			.stream()
			.filter((q) -> q.type() != QuestionType.ORDER)
			.flatMap((q) -> q.options().stream())
			.map(Option::text)
			.toList();
		assertThat(shown).containsExactlyInAnyOrderElementsOf(authored);

		Question multiple = quiz.questions().stream().filter((q) -> q.type() == QuestionType.MULTIPLE).findFirst()
			.orElseThrow();
		List<Option> seen = ChildPages.shownOn(this.driver, multiple);
		ChildPages.answer(this.driver, quiz, (question) -> question != multiple);
		assertThat(heading()).isEqualTo("Your answers");
		String result = find(By.tagName("main")).getText();
		assertThat(result).contains("right (" + Math.round(100.0 * (quiz.questions().size() - 1) / quiz.questions().size()) + "%)");

		open("/learn");
		open("/me");
		WebElement results = find(By.id("my-results"));
		String title = this.curriculum.module("sextortion").orElseThrow().title();
		assertThat(results.getText()).contains(title);
		results.findElement(By.linkText("Look at my last answers")).click();
		waitForPath("/me/results/sextortion");
		assertThat(heading()).isEqualTo("Your answers");
		String again = find(By.tagName("main")).getText();
		assertThat(again).contains("These are your answers from the last time", "Not quite");
		// the multiple question's right options the child missed are listed in the order the child saw them
		List<String> missedShown = seen.stream().filter(Option::correct).map(Option::text).toList();
		int previous = again.indexOf(multiple.text());
		assertThat(previous).isNotNegative();
		for (String text : missedShown) {
			int at = again.indexOf(text, previous + 1);
			assertThat(at).as(text + " after the one the child saw before it").isGreaterThan(previous);
			previous = at;
		}
	}

	private List<String> labels() {
		return this.driver.findElements(By.cssSelector("form.quiz .choice label")).stream().map(WebElement::getText).toList();
	}

}
