package org.safesteps.journeys;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Quiz;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence for a school: a child rates how sure they feel before the lesson and again after the
 * quiz; a teacher opens the class's curriculum coverage and prints it.
 */
class SchoolShowsWhatWasTaughtIT extends JourneyTest {

	private Axe axe;

	@BeforeAll
	void axeInEveryPage() {
		this.axe = Axe.inEveryPage(this.driver);
	}

	private static final String PASSWORD = "long enough journey passphrase";

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aChildRatesTheirConfidenceBeforeTheLessonAndAfterTheQuiz() {
		SchoolClass schoolClass = this.classes.create("Year 8 " + UUID.randomUUID().toString().substring(0, 6),
				Band.AGES_11_13, "teacher-1");
		ChildPages.join(this, schoolClass.joinCode());

		open("/learn/sextortion");
		find(By.linkText("Rate the sentences")).click();
		assertThat(heading()).isEqualTo("Before you start");
		accessible();
		find(By.cssSelector("label[for='s-what-to-do-2']")).click();
		find(By.cssSelector("label[for='s-never-too-late-3']")).click();
		ChildPages.clickToNextPage(this.driver, By.cssSelector("form.check button[type=submit]"));
		waitForPath("/learn/sextortion");
		assertThat(this.driver.findElements(By.linkText("Rate the sentences"))).as("answered: not offered again").isEmpty();

		open("/learn/sextortion/quiz");
		Quiz quiz = this.curriculum.module("sextortion").orElseThrow().quiz(Band.AGES_11_13).orElseThrow();
		ChildPages.answer(this.driver, quiz, true);
		assertThat(heading()).isEqualTo("Your answers");
		find(By.linkText("Rate the sentences")).click();
		assertThat(heading()).isEqualTo("How sure do you feel now?");
		find(By.cssSelector("label[for='s-what-to-do-4']")).click();
		ChildPages.clickToNextPage(this.driver, By.cssSelector("form.check button[type=submit]"));

		assertThat(this.mongo.getCollection("confidence").countDocuments(
				new Document("classId", schoolClass.id()).append("skipped", false))).isEqualTo(2);
	}

	@Test
	void aTeacherOpensTheClassCoverageAndPrintsIt() {
		Account teacher = this.accounts.create("ada-" + UUID.randomUUID() + "@school.example", "Ada", PASSWORD, false);
		SchoolClass schoolClass = this.classes.create("Year 7 blue", Band.AGES_11_13, teacher.id());
		this.assignments.assign(schoolClass.id(), "sextortion", null, 0);
		open("/login");
		find(By.id("username")).sendKeys(teacher.email());
		find(By.id("password")).sendKeys(PASSWORD);
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");

		open("/teacher/classes/" + schoolClass.id());
		find(By.linkText("Curriculum coverage")).click();
		assertThat(heading()).isEqualTo("Curriculum coverage: Year 7 blue");
		assertThat(find(By.cssSelector("article.coverage")).getText())
			.contains("I can describe some signs of harmful online situations", "When someone threatens to share a picture");
		accessible();

		printMedia();
		assertThat(heading()).isEqualTo("Curriculum coverage: Year 7 blue");
		assertThat(this.driver.findElement(By.cssSelector(".coverage-table")).isDisplayed()).isTrue();
		assertThat(this.driver.findElement(By.cssSelector(".site-nav")).isDisplayed()).as("menus stay off paper").isFalse();
		assertThat(this.driver.findElement(By.cssSelector("p.no-print.hint")).isDisplayed()).isFalse();
		assertThat(this.driver.findElement(By.cssSelector(".breadcrumb")).isDisplayed()).isFalse();
	}

	private void accessible() {
		assertThat(this.axe.violations(this.driver)).as(this.driver.getCurrentUrl()).isEmpty();
	}

}
