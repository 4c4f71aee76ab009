package org.safesteps.journeys;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

import org.safesteps.account.AccountStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The teachers' story end to end: an admin invites a teacher; the teacher signs up, makes a class,
 * assigns the sextortion module after reading its notes and puts the code on the board; a child
 * joins in another browser, reads the lesson and gets one quiz question wrong; the teacher's report
 * shows it, the letter and poster print, and the admin sees the class in the school overview.
 */
class TeacherRunsAClassIT extends JourneyTest {

	private Axe axe;

	@BeforeAll
	void axeInEveryPage() {
		this.axe = Axe.inEveryPage(this.driver);
	}

	private static final Pattern SCORE = Pattern.compile("You got (\\d+) of (\\d+) right \\((\\d+)%\\)");

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	@Test
	void teacherIsInvitedRunsAClassAChildFinishesTheQuizAndTheReportShowsWhatToRevisit() {
		String adminEmail = "head-" + UUID.randomUUID() + "@school.example";
		this.accounts.create(adminEmail, "Head Teacher", "a long admin passphrase", true);
		signIn(adminEmail, "a long admin passphrase");
		open("/admin/teachers");
		String teacherEmail = "grace-" + UUID.randomUUID() + "@school.example";
		find(By.id("email")).sendKeys(teacherEmail);
		find(By.cssSelector("main form button[type=submit]")).click();
		String inviteLink = find(By.id("invite-link")).getText();
		accessible();
		assertThat(inviteLink).contains("/invite/");

		// the teacher opens the link on their own computer: nothing of the admin's session comes along
		this.driver.manage().deleteAllCookies();
		this.driver.get(inviteLink);
		waitForHeading("Set up your teacher account");
		accessible();
		find(By.id("name")).sendKeys("Grace Hopper");
		find(By.id("password")).sendKeys("maple river lantern seven");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/login?invited");
		signIn(teacherEmail, "maple river lantern seven");

		waitForHeading("My classes");
		accessible();
		find(By.id("name")).sendKeys("Year 8 red");
		new Select(find(By.id("band"))).selectByValue("AGES_11_13");
		find(By.cssSelector("form[action='/teacher/classes'] button[type=submit]")).click();
		waitForHeading("Year 8 red");
		String classPage = this.driver.getCurrentUrl();
		String code = find(By.id("join-code")).getText();
		assertThat(code).matches("[A-Z2-9]{3}-[A-Z2-9]{3}");

		Module sextortion = this.curriculum.module("sextortion").orElseThrow();
		new Select(find(By.id("moduleId"))).selectByValue("sextortion");
		// typed digits land in the date field in the browser's locale order; the value itself is ISO
		((JavascriptExecutor) this.driver).executeScript("arguments[0].value = '2026-03-06'", find(By.id("dueOn")));
		find(By.cssSelector("form[action$='/assignments'] button[type=submit]")).click();
		waitForHeading("Before you assign: " + sextortion.title());
		assertThat(find(By.cssSelector(".teacher-notes")).getText()).isNotBlank();
		accessible();
		find(By.cssSelector("main form button[type=submit]")).click();
		assertThat(find(By.id("assignments")).getText()).contains(sextortion.title());

		Quiz quiz = sextortion.quiz(Band.AGES_11_13).orElseThrow();
		Question missed = quiz.questions().get(0);
		Option wrongChoice = missed.options().stream().filter((o) -> !o.correct()).findFirst().orElseThrow();
		ChildResult child = aChildJoinsReadsTheLessonAndMissesOneQuestion(code, sextortion, missed);
		assertThat(child.score()).isBetween(1, 99);

		this.driver.get(classPage);
		String report = find(By.id("report")).getText();
		assertThat(report).contains(child.pseudonym(), "Completed", "best " + child.score() + "%")
			.as("one learner: no share or statistic, so nobody's answer can be read off the page")
			.contains("What to revisit", "fewer than 5 learners", "Fewer than 5 learners have answered these questions")
			.doesNotContain("1 of 1", "0% right (0 of 1 learners)", "100% (1)");
		accessible();

		find(By.cssSelector(".quiz-links a")).click();
		waitForHeading("What to revisit: " + sextortion.title());
		assertThat(find(By.cssSelector(".question-report")).getText()).as("every question of the quiz, without figures")
			.contains(missed.text(), quiz.questions().get(quiz.questions().size() - 1).text(), "fewer than 5 learners")
			.doesNotContain(wrongChoice.text(), "% right");
		accessible();
		this.driver.get(classPage);

		find(By.linkText(child.pseudonym())).click();
		waitForHeading(child.pseudonym());
		assertThat(find(By.tagName("main")).getText()).contains(sextortion.title() + ": " + child.score() + "%");
		accessible();

		this.driver.get(classPage);
		find(By.linkText("Parent letter")).click();
		waitForHeading("What your child is learning about staying safe online");
		assertThat(find(By.cssSelector(".letter")).getText()).contains(sextortion.title(), "/parents/sextortion",
				"To be finished by 2026-03-06");
		accessible();
		printMedia();
		waitForHeading("What your child is learning about staying safe online");
		assertThat(this.driver.findElement(By.cssSelector(".site-nav")).isDisplayed()).as("menus stay off paper").isFalse();

		screenMedia();
		this.driver.get(classPage);
		find(By.linkText("Join poster")).click();
		waitForHeading("Join Year 8 red on SafeSteps");
		assertThat(find(By.id("poster-code")).getText()).isEqualTo(code);
		assertThat(find(By.cssSelector("svg.qr-code")).getAttribute("aria-label")).contains(code);
		accessible();
		printMedia();
		assertThat(find(By.id("poster-code")).getText()).isEqualTo(code);
		assertThat(find(By.cssSelector("svg.qr-code")).isDisplayed()).isTrue();
		assertThat(this.driver.findElement(By.cssSelector(".breadcrumb")).isDisplayed()).isFalse();

		screenMedia();
		open("/teacher/modules/sextortion/ages-11-13");
		assertThat(find(By.cssSelector(".quiz-preview")).getText()).contains("Right answer");
		accessible();

		this.driver.manage().deleteAllCookies();
		signIn(adminEmail, "a long admin passphrase");
		find(By.linkText("School overview")).click();
		waitForHeading("School overview");
		String row = find(By.xpath("//tr[th[@scope='row' and normalize-space()='Year 8 red']]")).getText();
		assertThat(row).contains("Ages 11-13", "Grace Hopper", "fewer than 5 learners")
			.as("one learner: no completion share or average in the school view either")
			.doesNotContain("1 of 1 completed", "average best score");
		accessible();
	}

	/**
	 * A child in a second browser (its own cookies, as on a classroom tablet) joins with the code,
	 * steps through every page of the lesson and answers the quiz with one question wrong.
	 */
	private ChildResult aChildJoinsReadsTheLessonAndMissesOneQuestion(String code, Module module, Question missed) {
		WebDriver teacher = this.driver;
		this.driver = Browser.take(Browser.HEADLESS_SHELL);
		try {
			ChildPages.join(this, code.toLowerCase());
			waitForHeading("My lessons");
			String pseudonym = find(By.cssSelector("main .lead")).getText().replaceFirst("^You are (.+)\\.$", "$1");
			assertThat(pseudonym).isNotBlank().doesNotStartWith("You are");

			find(By.linkText(module.title())).click();
			waitForPath("/learn/" + module.id());
			Lesson lesson = module.lesson(Band.AGES_11_13).orElseThrow();
			int total = lesson.steps().size();
			for (int step = 1; step < total; step++) {
				assertThat(find(By.cssSelector(".lesson-step h2")).getText()).isEqualTo(lesson.steps().get(step - 1).title());
				find(By.cssSelector("a[rel=next]")).click();
				waitForPath("step=" + (step + 1));
			}
			find(By.linkText("Take the quiz")).click();
			waitForPath("/learn/" + module.id() + "/quiz");
			Quiz quiz = module.quiz(Band.AGES_11_13).orElseThrow();
			ChildPages.answer(this.driver, quiz, (question) -> !question.id().equals(missed.id()));
			waitForHeading("Your answers");
			Matcher score = SCORE.matcher(find(By.tagName("main")).getText());
			assertThat(score.find()).isTrue();
			assertThat(score.group(1)).isEqualTo(Integer.toString(quiz.questions().size() - 1));
			return new ChildResult(pseudonym, Integer.parseInt(score.group(3)));
		}
		finally {
			Browser.giveBack(this.driver, url(""));
			this.driver = teacher;
		}
	}

	/** Back from print emulation to the screen. */
	private void screenMedia() {
		((HasCdp) this.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
	}

	/** WCAG 2.2 AA with axe-core, as AccessibilityIT checks every page. */
	private void accessible() {
		assertThat(this.axe.violations(this.driver)).as(this.driver.getCurrentUrl()).isEmpty();
	}

	private void signIn(String email, String password) {
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
	}

	/** What the child saw: their pseudonym and their score. */
	private record ChildResult(String pseudonym, int score) {
	}

}
