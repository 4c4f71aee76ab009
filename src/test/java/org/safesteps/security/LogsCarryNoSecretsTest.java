package org.safesteps.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole school journey over HTTP, with the app's own logs at DEBUG: afterwards no secret or
 * personal value of that journey appears anywhere in the output (tokens, codes, passwords,
 * pseudonym, e-mail addresses).
 */
@ExtendWith(OutputCaptureExtension.class)
// The shared application, its log level raised to DEBUG for this class only (not a property: that
// would be a configuration of its own, one more application start).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LogsCarryNoSecretsTest {

	private static final Logger log = LoggerFactory.getLogger(LogsCarryNoSecretsTest.class);

	private static final Pattern INVITE = Pattern.compile("/invite/([A-Za-z0-9_-]+)");

	private static final Pattern RESUME = Pattern.compile("class=\"resume-code\">([A-Z0-9-]{14})<");

	private static final String MODULE = "trusted-adults";

	private static final String APP = "org.safesteps";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	LoggingSystem logging;

	private LogLevel levelBefore;

	@BeforeEach
	void appLogsAtDebug() {
		this.levelBefore = this.logging.getLoggerConfiguration(APP).getConfiguredLevel();
		this.logging.setLogLevel(APP, LogLevel.DEBUG);
	}

	@AfterEach
	void appLogsAsBefore() {
		this.logging.setLogLevel(APP, this.levelBefore);
	}

	@Test
	void aWholeJourneyWhenLoggedAtDebugLeavesNoTokenCodePasswordPseudonymOrEmailInTheOutput(CapturedOutput output) {
		// the capture must really see the app's DEBUG lines, or the scan below proves nothing
		String marker = "log-capture-check-" + UUID.randomUUID();
		log.debug(marker);
		assertThat(output.getAll()).as("the capture sees DEBUG logs of org.safesteps").contains(marker);

		Map<String, String> secrets = new LinkedHashMap<>();
		String adminEmail = "head-" + UUID.randomUUID() + "@school.example";
		String adminPassword = "quiet harbour " + UUID.randomUUID();
		this.accounts.create(adminEmail, "Head", adminPassword, true);
		secrets.put("admin e-mail", adminEmail);
		secrets.put("admin password", adminPassword);

		Browserless admin = signIn(adminEmail, adminPassword);
		String teacherEmail = "teacher-" + UUID.randomUUID() + "@school.example";
		secrets.put("teacher e-mail", teacherEmail);
		HttpResponse<String> list = admin.get("/admin/teachers");
		assertThat(admin.post("/admin/teachers", list.body(), Map.of("email", teacherEmail)).statusCode()).isEqualTo(302);
		Matcher invite = INVITE.matcher(admin.get("/admin/teachers").body());
		assertThat(invite.find()).isTrue();
		secrets.put("invite token", invite.group(1));

		String teacherPassword = "amber meadow " + UUID.randomUUID();
		secrets.put("teacher password", teacherPassword);
		Browserless newTeacher = new Browserless(this.port);
		HttpResponse<String> form = newTeacher.get("/invite/" + invite.group(1));
		assertThat(newTeacher.post("/invite/" + invite.group(1), form.body(),
				Map.of("name", "Grace Teacher", "password", teacherPassword)).statusCode()).isEqualTo(302);

		Browserless teacher = signIn(teacherEmail, teacherPassword);
		secrets.put("teacher session", teacher.cookie("safesteps_session"));
		HttpResponse<String> home = teacher.get("/teacher");
		HttpResponse<String> created = teacher.post("/teacher/classes", home.body(),
				Map.of("name", "Year 7 Owls", "band", "AGES_11_13"));
		assertThat(created.statusCode()).isEqualTo(302);
		String classPath = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		SchoolClass schoolClass = this.classes.findById(classPath.substring(classPath.lastIndexOf('/') + 1))
			.orElseThrow();
		HttpResponse<String> classPage = teacher.get(classPath);
		assertThat(teacher.post(classPath + "/assignments", classPage.body(), Map.of("moduleId", MODULE))
			.statusCode()).isEqualTo(302);
		String joinCode = schoolClass.joinCode();
		secrets.put("join code", joinCode);
		secrets.put("join code with dash", joinCode.substring(0, 3) + "-" + joinCode.substring(3));

		// a Browserless, as a quiz form may repeat a field (checkboxes)
		Browserless child = new Browserless(this.port);
		child.get("/join");
		String typed = joinCode.substring(0, 3).toLowerCase(Locale.ROOT) + "-" + joinCode.substring(3);
		assertThat(child.post("/join", List.of(Map.entry("code", typed))).statusCode()).isEqualTo(302);
		secrets.put("join code as typed", typed);
		secrets.put("learner cookie", child.cookie("safesteps_learner"));
		secrets.put("child CSRF cookie", child.cookie("safesteps_csrf"));
		assertThat(child.get("/learn/" + MODULE + "?step=2").statusCode()).isEqualTo(200);

		HttpResponse<String> quizPage = child.get("/learn/" + MODULE + "/quiz");
		assertThat(quizPage.statusCode()).isEqualTo(200);
		Quiz quiz = this.curriculum.module(MODULE).orElseThrow().quiz(Band.AGES_11_13).orElseThrow();
		List<Map.Entry<String, String>> answers = rightAnswers(quiz, quizPage.body());
		Matcher submission = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"").matcher(quizPage.body());
		assertThat(submission.find()).isTrue();
		answers.add(Map.entry("submissionId", submission.group(1)));
		assertThat(child.post("/learn/" + MODULE + "/quiz", answers).statusCode()).isEqualTo(200);

		String pseudonym = this.mongo.getCollection("learners")
			.find(new Document("tokenHash", World.sha256(child.cookie("safesteps_learner"))))
			.first()
			.getString("pseudonym");
		secrets.put("pseudonym", pseudonym);
		assertThat(child.get("/me").body()).contains("You are " + pseudonym);
		Matcher resume = RESUME.matcher(child.post("/me/resume-code", List.of()).body());
		assertThat(resume.find()).isTrue();
		String resumeCode = resume.group(1);
		secrets.put("resume code", resumeCode);
		secrets.put("resume code without dashes", resumeCode.replace("-", ""));
		secrets.put("resume code as typed", resumeCode.toLowerCase(Locale.ROOT));

		Browserless otherDevice = new Browserless(this.port);
		otherDevice.get("/join");
		assertThat(otherDevice.post("/join", List.of(Map.entry("code", resumeCode.toLowerCase(Locale.ROOT))))
			.statusCode()).isEqualTo(302);
		secrets.put("resumed learner cookie", otherDevice.cookie("safesteps_learner"));
		assertThat(otherDevice.get("/me").body()).contains(pseudonym);

		assertThat(teacher.get(classPath).body()).contains(pseudonym);
		assertThat(teacher.get(classPath + "/learner?pseudonym=" + pseudonym.replace(" ", "+")).statusCode())
			.isEqualTo(200);
		HttpResponse<String> csv = teacher.get(classPath + "/report.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).contains(pseudonym);

		assertThat(secrets.values()).doesNotContainNull().allSatisfy((value) -> assertThat(value).hasSizeGreaterThan(5));
		String logs = output.getAll();
		secrets.forEach((what, value) -> assertThat(logs).as("the output carries the " + what).doesNotContain(value));
	}

	private Browserless signIn(String email, String password) {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> done = browser.post("/login", browser.get("/login").body(),
				Map.of("username", email, "password", password));
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
		return browser;
	}

	private static List<Map.Entry<String, String>> rightAnswers(Quiz quiz, String page) {
		Matcher key = Pattern.compile("name=\"order\" value=\"([^\"]+)\"").matcher(page);
		assertThat(key.find()).isTrue();
		DisplayOrder order = DisplayOrder.fromKey(key.group(1)).orElseThrow();
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (Question question : quiz.questions()) {
			List<Option> shown = order.of(question);
			String field = "q-" + question.id();
			for (int i = 0; i < shown.size(); i++) {
				if (question.type() == QuestionType.ORDER) {
					fields.add(Map.entry(field + "-" + i, Integer.toString(question.options().indexOf(shown.get(i)) + 1)));
				}
				else if (shown.get(i).correct()) {
					fields.add(Map.entry(field, Integer.toString(i)));
				}
			}
		}
		return fields;
	}

}
