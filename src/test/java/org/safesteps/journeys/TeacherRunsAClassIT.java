package org.safesteps.journeys;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin invites a teacher; the teacher signs up, makes a class, assigns the sextortion module
 * after reading its notes, puts the code on the board, and after the lesson reads the report.
 */
class TeacherRunsAClassIT extends JourneyTest {

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void teacherIsInvitedMakesAClassAssignsAModuleAndReadsTheReport() {
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

		this.driver.manage().deleteAllCookies();
		this.driver.get(inviteLink);
		assertThat(heading()).isEqualTo("Set up your teacher account");
		accessible();
		find(By.id("name")).sendKeys("Grace Hopper");
		find(By.id("password")).sendKeys("maple river lantern seven");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/login?invited");
		signIn(teacherEmail, "maple river lantern seven");

		assertThat(heading()).isEqualTo("My classes");
		accessible();
		find(By.id("name")).sendKeys("Year 8 red");
		new Select(find(By.id("band"))).selectByValue("AGES_11_13");
		find(By.cssSelector("form[action='/teacher/classes'] button[type=submit]")).click();
		assertThat(heading()).isEqualTo("Year 8 red");
		String code = find(By.id("join-code")).getText();
		assertThat(code).matches("[A-Z2-9]{3}-[A-Z2-9]{3}");

		new Select(find(By.id("moduleId"))).selectByValue("sextortion");
		find(By.id("dueOn")).sendKeys("06032026");
		find(By.cssSelector("form[action$='/assignments'] button[type=submit]")).click();
		assertThat(heading()).isEqualTo("Before you assign: When someone threatens to share a picture");
		assertThat(find(By.cssSelector(".teacher-notes")).getText()).isNotBlank();
		accessible();
		find(By.cssSelector("main form button[type=submit]")).click();
		assertThat(find(By.id("assignments")).getText()).contains("When someone threatens to share a picture");

		SchoolClass schoolClass = this.classes.findByJoinCode(
				org.safesteps.classroom.JoinCode.parse(code).orElseThrow()).orElseThrow();
		aLearnerFinishedTheQuiz(schoolClass.id());
		this.driver.navigate().refresh();
		String report = find(By.id("report")).getText();
		assertThat(report).contains("Brave Otter", "Completed", "best 80%", "1 of 1")
			.contains("What to revisit: When someone threatens to share a picture", "What is sextortion?",
					"0% right (0 of 1 learners)", "100% (1)");
		accessible();

		find(By.linkText("Brave Otter")).click();
		assertThat(heading()).isEqualTo("Brave Otter");
		accessible();
		this.driver.navigate().back();

		find(By.linkText("Parent letter")).click();
		assertThat(heading()).isEqualTo("What your child is learning about staying safe online");
		assertThat(find(By.cssSelector(".letter")).getText()).contains("/parents/sextortion");
		accessible();
		this.driver.navigate().back();
		find(By.linkText("Join poster")).click();
		assertThat(heading()).isEqualTo("Join Year 8 red on SafeSteps");
		assertThat(find(By.id("poster-code")).getText()).isEqualTo(code);
		assertThat(find(By.cssSelector("svg.qr-code")).getAttribute("aria-label")).contains(code);
		accessible();
		open("/teacher/modules/sextortion/ages-11-13");
		assertThat(find(By.cssSelector(".quiz-preview")).getText()).contains("Right answer");
		accessible();
	}

	/** WCAG 2.2 AA with axe-core, as AccessibilityIT does for the public pages. */
	private void accessible() {
		Results results = new AxeBuilder().withTags(AccessibilityIT.TAGS).analyze(this.driver);
		assertThat(results.getViolations()).as(this.driver.getCurrentUrl())
			.extracting((rule) -> rule.getId() + ": " + rule.getNodes().stream().map((n) -> String.valueOf(n.getTarget())).toList())
			.isEmpty();
	}

	private void signIn(String email, String password) {
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys(password);
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
	}

	/** What the learner feature writes when a child finishes the quiz (docs/data.md). */
	private void aLearnerFinishedTheQuiz(String classId) {
		String learnerId = UUID.randomUUID().toString();
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", learnerId).append("classId", classId)
				.append("pseudonym", "Brave Otter")
				.append("band", "AGES_11_13")
				.append("tokenHash", UUID.randomUUID().toString())
				.append("resumeHash", null)
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
		this.mongo.getCollection("progress")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", "sextortion")
				.append("band", "AGES_11_13")
				.append("stepReached", 4)
				.append("stepsTotal", 5)
				.append("startedAt", new Date())
				.append("completedAt", new Date())
				.append("bestScore", 80)
				.append("attempts", 1)
				.append("updatedAt", new Date()));
		this.mongo.getCollection("attempts")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("submissionId", UUID.randomUUID().toString())
				.append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", "sextortion")
				.append("band", "AGES_11_13")
				.append("contentVersion", "journey")
				.append("answers", List.of(
						new Document("questionId", "what-is-sextortion").append("chosen", List.of("money-only"))
							.append("correct", false),
						new Document("questionId", "warning-signs").append("chosen", List.of("fast-friendly", "private-chat"))
							.append("correct", true)))
				.append("score", 80)
				.append("correctCount", 1)
				.append("questionCount", 2)
				.append("createdAt", new Date()));
	}

}
