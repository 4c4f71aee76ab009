package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Quiz;
import org.safesteps.support.Browserless;
import org.safesteps.support.QuizForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The confidence check: offered before the lesson and after the quiz, stored or skipped, never marked, forgotten with the learner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConfidenceCheckTest {

	private static final String BEFORE = "/learn/sextortion/check/before";

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theFirstStepOffersTheCheckAndAnswersAreStoredAsLevelsOnly() {
		Browserless child = child();
		assertThat(child.get("/learn/sextortion").body()).contains("Before you start", "href=\"" + BEFORE + "\"");
		assertThat(child.get("/learn/sextortion?step=2").body()).as("only on the first step").doesNotContain(BEFORE);

		HttpResponse<String> form = child.get(BEFORE);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("I know what to do if someone threatens to share a picture.", "Not sure",
				"A bit sure", "Quite sure", "Very sure", "name=\"s-what-to-do\"", "Skip this", "<fieldset", "<legend>")
			.doesNotContain("<textarea", "type=\"text\"");

		HttpResponse<String> saved = child.post(BEFORE, form.body(), Map.of("s-what-to-do", "2", "s-never-too-late", "4"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/learn/sextortion");
		Document stored = stored(child, "before");
		assertThat(stored.getBoolean("skipped")).isFalse();
		assertThat(stored.get("levels", Document.class)).containsExactlyInAnyOrderEntriesOf(Map.of("what-to-do", 2, "never-too-late", 4));
		assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "learnerId", "classId", "moduleId", "band", "phase",
				"skipped", "levels", "at");
		assertThat(child.get("/learn/sextortion").body()).as("answered: not offered again").doesNotContain(BEFORE);
	}

	@Test
	void skippingTakesOneClickAndIsRemembered() {
		Browserless child = child();
		HttpResponse<String> lesson = child.get("/learn/sextortion");

		HttpResponse<String> skipped = child.post(BEFORE, lesson.body(), Map.of("skip", "1"));

		assertThat(skipped.statusCode()).isEqualTo(302);
		assertThat(stored(child, "before").getBoolean("skipped")).isTrue();
		assertThat(stored(child, "before").get("levels", Document.class)).isEmpty();
		assertThat(child.get("/learn/sextortion").body()).doesNotContain(BEFORE);
	}

	@Test
	void theQuizResultOffersTheCheckAgain() {
		Browserless child = child();
		Quiz quiz = this.curriculum.module("sextortion").orElseThrow().quiz(Band.AGES_11_13).orElseThrow();
		HttpResponse<String> page = child.get("/learn/sextortion/quiz");
		List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(quiz, page.body(), false));
		answers.add(Map.entry("submissionId", QuizForms.submissionId(page.body())));
		answers.add(Map.entry("band", "ages-11-13"));

		HttpResponse<String> result = child.post("/learn/sextortion/quiz", page.body(), answers);

		assertThat(result.body()).contains("How sure do you feel now?", "href=\"/learn/sextortion/check/after\"");
		HttpResponse<String> form = child.get("/learn/sextortion/check/after");
		HttpResponse<String> saved = child.post("/learn/sextortion/check/after", form.body(), Map.of("s-what-to-do", "3"));
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/learn");
		assertThat(stored(child, "after").get("levels", Document.class)).containsEntry("what-to-do", 3);
	}

	@Test
	void badAnswersAreRefusedAndUnknownChecksAreNotFound() {
		Browserless child = child();
		HttpResponse<String> form = child.get(BEFORE);

		assertThat(child.post(BEFORE, form.body(), Map.of("s-what-to-do", "5")).statusCode()).isEqualTo(400);
		assertThat(child.post(BEFORE, form.body(), Map.of("s-what-to-do", "very")).statusCode()).isEqualTo(400);
		assertThat(child.get("/learn/sextortion/check/during").statusCode()).isEqualTo(404);
		assertThat(child.get("/learn/no-such-module/check/before").statusCode()).isEqualTo(404);
		assertThat(new Browserless(this.port).get(BEFORE).headers().firstValue("Location").orElseThrow()).endsWith("/explore");
	}

	@Test
	void forgetMeDeletesTheAnswers() {
		Browserless child = child();
		HttpResponse<String> form = child.get(BEFORE);
		child.post(BEFORE, form.body(), Map.of("s-what-to-do", "1"));
		String learnerId = learnerOf(child).getString("_id");
		assertThat(this.mongo.getCollection("confidence").countDocuments(new Document("learnerId", learnerId))).isEqualTo(1);

		HttpResponse<String> me = child.get("/me");
		child.post("/me/forget", me.body(), Map.of());

		assertThat(this.mongo.getCollection("confidence").countDocuments(new Document("learnerId", learnerId))).isZero();
	}

	private Browserless child() {
		SchoolClass schoolClass = this.classes.create("Year 8", Band.AGES_11_13, "teacher-1");
		return new Browserless(this.port).join(schoolClass.joinCode());
	}

	private Document stored(Browserless child, String phase) {
		String learnerId = learnerOf(child).getString("_id");
		Document document = this.mongo.getCollection("confidence")
			.find(new Document("_id", learnerId + "/sextortion/" + phase)).first();
		assertThat(document).as(phase).isNotNull();
		return document;
	}

	private Document learnerOf(Browserless child) {
		return this.mongo.getCollection("learners")
			.find(new Document("tokenHash", Secrets.sha256(child.cookie(LearnerCookie.NAME))))
			.first();
	}

}
