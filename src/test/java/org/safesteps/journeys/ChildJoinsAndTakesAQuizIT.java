package org.safesteps.journeys;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Option;
import org.safesteps.content.Quiz;
import org.safesteps.learner.PictureCode;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A child joins their class with the code on the board, reads a lesson and takes its quiz twice. */
class ChildJoinsAndTakesAQuizIT extends JourneyTest {

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void aChildJoinsReadsTheLessonAndLearnsFromAWrongThenARightQuiz() {
		SchoolClass schoolClass = this.classes.create("Year 5 Willow", Band.AGES_8_10, "teacher-journey");
		ChildPages.join(this, schoolClass.code().display().toLowerCase());
		assertThat(heading()).isEqualTo("My lessons");
		assertThat(find(By.tagName("body")).getAttribute("class")).contains("theme-ages-8-10");

		Lesson lesson = this.curriculum.module("trusted-adults").orElseThrow().lesson(Band.AGES_8_10).orElseThrow();
		find(By.linkText(this.curriculum.module("trusted-adults").orElseThrow().title())).click();
		waitForPath("/learn/trusted-adults");
		int total = lesson.steps().size();
		for (int step = 1; step < total; step++) {
			assertThat(find(By.cssSelector(".step-progress")).getText()).isEqualTo("Step " + step + " of " + total);
			assertThat(find(By.cssSelector(".lesson-step h2")).getText()).isEqualTo(lesson.steps().get(step - 1).title());
			find(By.cssSelector("a[rel=next]")).click();
			waitForPath("step=" + (step + 1));
		}
		find(By.linkText("Take the quiz")).click();
		waitForPath("/learn/trusted-adults/quiz");

		Quiz quiz = this.curriculum.module("trusted-adults").orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		ChildPages.answer(this.driver, quiz, false);
		assertThat(heading()).isEqualTo("Your answers");
		String wrong = find(By.tagName("main")).getText();
		assertThat(wrong).contains("You got 0 of " + quiz.questions().size() + " right", "Not quite");
		Option firstWrong = quiz.questions().get(0).options().stream().filter((o) -> !o.correct()).findFirst().orElseThrow();
		assertThat(wrong).contains(firstWrong.feedback());

		find(By.linkText("Try again")).click();
		waitForPath("/quiz");
		ChildPages.answer(this.driver, quiz, true);
		String right = find(By.tagName("main")).getText();
		assertThat(right).contains("Well done, every answer is right!", "(100%)");

		open("/learn");
		assertThat(find(By.cssSelector(".state-completed")).getText()).contains("Finished, best score 100%");
	}

	@Test
	void aYoungChildJoinsByTappingSixPictures() {
		SchoolClass schoolClass = this.classes.create("Reception Robins", Band.AGES_5_7, "teacher-journey");
		open("/join");
		find(By.linkText("Join with pictures instead")).click();
		waitForPath("/join/pictures");
		List<PictureCode.Picture> pictures = PictureCode.of(schoolClass.code());
		for (int i = 0; i < pictures.size(); i++) {
			find(By.xpath("//input[@name='p" + (i + 1) + "' and @value='" + pictures.get(i).value() + "']/parent::label"))
				.click();
		}
		find(By.cssSelector("form.picture-code button[type=submit]")).click();
		waitForPath("/learn");
		assertThat(heading()).isEqualTo("My lessons");
		assertThat(find(By.tagName("body")).getAttribute("class")).contains("theme-ages-5-7");
	}

	@Test
	void aQuizSentWithMissingAnswersComesBackWithAMessageBesideTheQuestion() {
		SchoolClass schoolClass = this.classes.create("Year 6 Ash", Band.AGES_8_10, "teacher-journey");
		ChildPages.join(this, schoolClass.joinCode());
		open("/learn/trusted-adults/quiz");
		find(By.cssSelector("form.quiz button[type=submit]")).click();
		assertThat(find(By.cssSelector(".error-summary")).getText()).contains("Some questions still need an answer");
		assertThat(find(By.cssSelector("fieldset.has-error .field-error")).getText()).contains("Please choose an answer.");
	}

}
