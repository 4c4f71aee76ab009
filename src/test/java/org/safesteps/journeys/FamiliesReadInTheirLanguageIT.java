package org.safesteps.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;

import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Localized;
import org.safesteps.content.Quiz;

/**
 * A child switches to Spanish and reads a lesson and takes its quiz in Spanish; in Arabic the
 * layout is mirrored, and child, parent and teacher pages pass axe-core right to left.
 */
class FamiliesReadInTheirLanguageIT extends JourneyTest {

	private Axe axe;

	@BeforeAll
	void axeInEveryPage() {
		this.axe = Axe.inEveryPage(this.driver);
	}

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	@Test
	void aChildSwitchesToSpanishReadsTheLessonAndTakesTheQuizInSpanish() {
		SchoolClass schoolClass = this.classes.create("Year 7 Oak", Band.AGES_11_13, "teacher-journey");
		ChildPages.join(this, schoolClass.code().display());
		assertThat(heading()).isEqualTo("My lessons");

		ChildPages.clickToNextPage(this.driver, By.cssSelector(".language-switch a[lang=es]"));
		assertThat(heading()).isEqualTo("Mis lecciones");
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");

		Localized<Lesson> lesson = this.curriculum.module("trusted-adults").orElseThrow().lesson(Band.AGES_11_13, "es")
			.orElseThrow();
		assertThat(lesson.fellBack()).as("the Spanish trusted-adults lesson for ages 11-13 is shipped").isFalse();
		find(By.linkText(this.curriculum.module("trusted-adults").orElseThrow().title("es").value())).click();
		waitForPath("/learn/trusted-adults");
		assertThat(heading()).isEqualTo(lesson.value().title());
		int total = lesson.value().steps().size();
		for (int step = 1; step < total; step++) {
			assertThat(find(By.cssSelector(".step-progress")).getText()).isEqualTo("Paso " + step + " de " + total);
			assertThat(find(By.cssSelector(".lesson-step h2")).getText()).isEqualTo(lesson.value().steps().get(step - 1).title());
			find(By.cssSelector("a[rel=next]")).click();
			waitForPath("step=" + (step + 1));
		}
		assertThat(this.driver.findElements(By.cssSelector(".language-fallback"))).isEmpty();
		find(By.linkText("Hacer el cuestionario")).click();
		waitForPath("/learn/trusted-adults/quiz");

		Quiz quiz = this.curriculum.module("trusted-adults").orElseThrow().quiz(Band.AGES_11_13, "es").orElseThrow().value();
		assertThat(find(By.cssSelector(".question-text")).getText()).isEqualTo(quiz.questions().get(0).text());
		ChildPages.answer(this.driver, quiz, true);
		assertThat(heading()).isEqualTo("Tus respuestas");
		assertThat(find(By.tagName("main")).getText()).contains("¡Muy bien, todas las respuestas son correctas!",
				quiz.questions().get(0).correctOptions().get(0).feedback());
	}

	@Test
	void inArabicTheLayoutIsMirrored() {
		open("/");
		Rectangle brandLtr = find(By.cssSelector(".site-header .brand")).getRect();
		Rectangle navLtr = find(By.cssSelector(".site-header .site-nav")).getRect();
		assertThat(brandLtr.getX()).isLessThan(navLtr.getX());

		find(By.cssSelector(".language-switch a[lang=ar]")).click();
		find(By.cssSelector("html[dir=rtl]"));
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ar");
		assertThat(heading()).isEqualTo("أهلًا بك في SafeSteps");
		Rectangle brand = find(By.cssSelector(".site-header .brand")).getRect();
		Rectangle nav = find(By.cssSelector(".site-header .site-nav")).getRect();
		int width = this.driver.manage().window().getSize().getWidth();
		assertThat(brand.getX()).as("the brand, first in the header, is on the right").isGreaterThan(nav.getX());
		assertThat(brand.getX() + brand.getWidth()).isGreaterThan(width / 2);
		screenshot("arabic-home");
	}

	@Test
	void childParentAndTeacherPagesPassAxeRightToLeft() {
		List<String> violations = new ArrayList<>();
		SchoolClass schoolClass = this.classes.create("الصف السادس", Band.AGES_11_13, "teacher-journey", "ar");
		this.assignments.assign(schoolClass.id(), "trusted-adults", null, 0);
		ChildPages.join(this, schoolClass.code().display());
		find(By.cssSelector("html[dir=rtl]"));
		violations.addAll(scan("child-learn"));
		open("/learn/trusted-adults");
		find(By.cssSelector(".language-fallback"));
		violations.addAll(scan("child-lesson"));
		open("/learn/trusted-adults/quiz");
		violations.addAll(scan("child-quiz"));

		this.driver.manage().deleteAllCookies();
		open("/language?lang=ar&return=/parents/sextortion");
		find(By.cssSelector("html[dir=rtl]"));
		violations.addAll(scan("parent-guide"));
		open("/parents");
		violations.addAll(scan("parent-index"));

		String email = "teacher-" + UUID.randomUUID() + "@school.example";
		var teacher = this.accounts.create(email, "Amal", "a long teacher passphrase", false);
		SchoolClass taught = this.classes.create("الصف السابع", Band.AGES_8_10, teacher.id(), "ar");
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys("a long teacher passphrase");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
		find(By.cssSelector("html[dir=rtl]"));
		violations.addAll(scan("teacher-classes"));
		open("/teacher/classes/" + taught.id());
		violations.addAll(scan("teacher-class"));
		open("/teacher/classes/" + taught.id() + "/letter");
		violations.addAll(scan("teacher-letter"));

		assertThat(violations).isEmpty();
	}

	private List<String> scan(String name) {
		find(By.tagName("h1"));
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("dir")).as(name).isEqualTo("rtl");
		screenshot(name);
		return this.axe.violations(this.driver).stream().map((violation) -> name + " " + violation).toList();
	}

	// For a person to look at: target/screenshots/rtl-*.png.
	private void screenshot(String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target/screenshots"));
			byte[] png = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES);
			Files.write(folder.resolve("rtl-" + name + ".png"), png);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
