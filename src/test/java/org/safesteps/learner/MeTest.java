package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Quiz;
import org.safesteps.support.Browserless;
import org.safesteps.support.QuizForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MeTest {

	private static final Pattern RESUME = Pattern.compile("class=\"resume-code\">([A-Z0-9-]{14})<");

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aResumeCodeShownOnceMovesTheLearnerToAnotherDevice(CapturedOutput output) {
		SchoolClass schoolClass = this.classes.create("Year 7", Band.AGES_11_13, "teacher-1");
		Browserless school = new Browserless(this.port).join(schoolClass.joinCode());
		school.get("/learn/trusted-adults?step=3");
		HttpResponse<String> me = school.get("/me");
		Document learner = learnerOf(school);
		assertThat(me.body()).contains("You are " + learner.getString("pseudonym")).doesNotContain("class=\"resume-code\"");

		HttpResponse<String> made = school.post("/me/resume-code", me.body(), Map.of());
		Matcher code = RESUME.matcher(made.body());
		assertThat(code.find()).isTrue();
		String resumeCode = code.group(1);
		assertThat(learnerOf(school).getString("resumeHash")).isEqualTo(Secrets.sha256(resumeCode.replace("-", "")));
		assertThat(school.get("/me").body()).as("shown once").doesNotContain(resumeCode);

		Browserless home = new Browserless(this.port);
		HttpResponse<String> form = home.get("/join");
		HttpResponse<String> resumed = home.post("/join", form.body(), Map.of("code", resumeCode.toLowerCase()));
		assertThat(resumed.statusCode()).isEqualTo(302);
		HttpResponse<String> learn = home.get("/learn");
		assertThat(learn.body()).contains(learner.getString("pseudonym"), "Step 3 of");
		assertThat(school.get("/learn").statusCode()).as("the old device is signed out").isEqualTo(302);

		assertThat(output.getAll()).doesNotContain(resumeCode).doesNotContain(resumeCode.replace("-", ""))
			.doesNotContain(home.cookie(LearnerCookie.NAME))
			.doesNotContain(learner.getString("pseudonym"));
	}

	@Test
	void aLearnerSeesTheirBestAndLastResultAndOpensTheLastResultAgainWithoutRetaking() {
		SchoolClass schoolClass = this.classes.create("Year 5 results", Band.AGES_8_10, "teacher-1");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
		assertThat(child.get("/me").body()).contains("My quiz results", "You have not taken a quiz yet.");
		Quiz quiz = this.curriculum.module("trusted-adults").orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		for (boolean right : List.of(true, false)) {
			HttpResponse<String> page = child.get("/learn/trusted-adults/quiz");
			List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(quiz, page.body(), right));
			answers.add(Map.entry("submissionId", QuizForms.submissionId(page.body())));
			assertThat(child.post("/learn/trusted-adults/quiz", page.body(), answers).statusCode()).isEqualTo(200);
		}
		long attempts = this.mongo.getCollection("attempts")
			.countDocuments(new Document("learnerId", learnerOf(child).get("_id").toString()));

		String me = child.get("/me").body();
		assertThat(me).contains("Trusted adults", "best 100%, last time 0%", "href=\"/me/results/trusted-adults\"");
		HttpResponse<String> last = child.get("/me/results/trusted-adults");
		assertThat(last.statusCode()).isEqualTo(200);
		assertThat(last.body()).contains("Your answers", "These are your answers from the last time",
				"You got 0 of " + quiz.questions().size() + " right (0%)", "Not quite");
		assertThat(this.mongo.getCollection("attempts")
			.countDocuments(new Document("learnerId", learnerOf(child).get("_id").toString())))
			.as("opening a result records nothing")
			.isEqualTo(attempts);
		assertThat(child.get("/me/results/online-friends").statusCode()).as("a quiz not taken").isEqualTo(404);
		assertThat(child.get("/me/results/no-such-module").statusCode()).isEqualTo(404);
		assertThat(new Browserless(this.port).get("/me/results/trusted-adults").headers().firstValue("Location").orElseThrow())
			.as("no learner cookie").endsWith("/me");
	}

	@Test
	void forgetMeDeletesTheLearnerTheirProgressAndAttemptsAndTheCookie() {
		SchoolClass schoolClass = this.classes.create("Year 5", Band.AGES_8_10, "teacher-1");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
		child.get("/learn/trusted-adults?step=2");
		Quiz quiz = this.curriculum.module("trusted-adults").orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		HttpResponse<String> page = child.get("/learn/trusted-adults/quiz");
		List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(quiz, page.body(), true));
		answers.add(Map.entry("submissionId", QuizForms.submissionId(page.body())));
		assertThat(child.post("/learn/trusted-adults/quiz", page.body(), answers).statusCode()).isEqualTo(200);
		String learnerId = learnerOf(child).get("_id").toString();
		assertThat(count("progress", learnerId)).isEqualTo(1);
		assertThat(count("attempts", learnerId)).isEqualTo(1);

		HttpResponse<String> me = child.get("/me");
		HttpResponse<String> forgotten = child.post("/me/forget", me.body(), Map.of());
		assertThat(forgotten.statusCode()).isEqualTo(302);
		assertThat(forgotten.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith(LearnerCookie.NAME + "=;").contains("Max-Age=0"));
		assertThat(child.cookie(LearnerCookie.NAME)).isNull();
		assertThat(child.get("/me/forgotten").body()).contains("Done: we have forgotten you");

		assertThat(this.mongo.getCollection("learners").countDocuments(new Document("_id", learnerId))).isZero();
		assertThat(count("progress", learnerId)).isZero();
		assertThat(count("attempts", learnerId)).isZero();
		assertThat(child.get("/me").body()).contains("You have not started yet");
	}

	private Document learnerOf(Browserless child) {
		return this.mongo.getCollection("learners")
			.find(new Document("tokenHash", Secrets.sha256(child.cookie(LearnerCookie.NAME))))
			.first();
	}

	private long count(String collection, String learnerId) {
		return this.mongo.getCollection(collection).countDocuments(new Document("learnerId", learnerId));
	}

}
