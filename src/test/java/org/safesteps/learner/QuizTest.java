package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;
import org.safesteps.support.Browserless;
import org.safesteps.support.QuizForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizTest {

	static final String MODULE = "trusted-adults";

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	Browserless child;

	Quiz quiz;

	@BeforeEach
	void joinAClass() {
		SchoolClass schoolClass = this.classes.create("Year 4", Band.AGES_8_10, "teacher-1");
		this.child = new Browserless(this.port).join(schoolClass.joinCode());
		this.quiz = this.curriculum.module(MODULE).orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
	}

	@Test
	void aReloadAndAFormGivenBackKeepTheLearnersOrderAndAnotherLearnerSeesAnother() {
		String page = this.child.get("/learn/" + MODULE + "/quiz").body();
		List<String> shown = labels(page);
		assertThat(labels(this.child.get("/learn/" + MODULE + "/quiz").body())).as("a reload").isEqualTo(shown);

		List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(this.quiz, page, true));
		answers.removeIf((field) -> field.getKey().equals("q-" + this.quiz.questions().get(0).id()));
		answers.add(Map.entry("submissionId", QuizForms.submissionId(page)));
		HttpResponse<String> back = this.child.post("/learn/" + MODULE + "/quiz", page, answers);
		assertThat(labels(back.body())).as("the form given back with a missing answer").isEqualTo(shown);

		SchoolClass schoolClass = this.classes.create("Year 4 (2)", Band.AGES_8_10, "teacher-1");
		java.util.Set<List<String>> orders = new java.util.HashSet<>();
		orders.add(shown);
		for (int other = 0; other < 3; other++) {
			Browserless another = new Browserless(this.port).join(schoolClass.joinCode());
			orders.add(labels(another.get("/learn/" + MODULE + "/quiz").body()));
		}
		assertThat(orders).as("four learners do not all see one order").hasSizeGreaterThan(1);
	}

	/** The option labels of the quiz page, in page order. */
	private static List<String> labels(String html) {
		java.util.regex.Matcher label = java.util.regex.Pattern.compile("<label for=\"q-[^\"]+\"[^>]*>([^<]+)</label>")
			.matcher(html);
		List<String> found = new ArrayList<>();
		while (label.find()) {
			found.add(label.group(1));
		}
		return found;
	}

	@Test
	void theQuizPageGivesNoHintOfTheRightAnswers() {
		HttpResponse<String> page = this.child.get("/learn/" + MODULE + "/quiz");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).doesNotContainIgnoringCase("correct").contains("name=\"submissionId\"");
		for (Question question : this.quiz.questions()) {
			assertThat(html).contains(escaped(question.text()));
			for (Option option : question.options()) {
				assertThat(html).contains(escaped(option.text()))
					.doesNotContain(escaped(option.feedback()))
					.doesNotContain("value=\"" + option.id() + "\"")
					.doesNotContain("-" + option.id() + "\"");
			}
		}
	}

	@Test
	void missingAnswersGiveTheFormBackWithAMessageBesideTheQuestion() {
		HttpResponse<String> page = this.child.get("/learn/" + MODULE + "/quiz");
		List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(this.quiz, page.body(), true));
		String first = "q-" + this.quiz.questions().get(0).id();
		answers.removeIf((field) -> field.getKey().equals(first));
		answers.add(Map.entry("submissionId", QuizForms.submissionId(page.body())));

		HttpResponse<String> back = this.child.post("/learn/" + MODULE + "/quiz", page.body(), answers);

		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(back.body()).contains("Some questions still need an answer", "id=\"" + first + "-error\"",
				"aria-describedby=\"" + first + "-hint " + first + "-error\"", "Please choose an answer.");
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("moduleId", MODULE)
			.append("submissionId", QuizForms.submissionId(page.body())))).isZero();
	}

	@Test
	void malformedSubmissionsAreRefusedWithoutAServerError() {
		HttpResponse<String> page = this.child.get("/learn/" + MODULE + "/quiz");
		HttpResponse<String> noId = this.child.post("/learn/" + MODULE + "/quiz", page.body(),
				QuizForms.answers(this.quiz, page.body(), true));
		assertThat(noId.statusCode()).isEqualTo(400);
		List<Map.Entry<String, String>> nonsense = List.of(Map.entry("submissionId", QuizForms.submissionId(page.body())),
				Map.entry("q-" + this.quiz.questions().get(0).id(), "banana"));
		HttpResponse<String> garbled = this.child.post("/learn/" + MODULE + "/quiz", page.body(), nonsense);
		assertThat(garbled.statusCode()).isEqualTo(200);
		assertThat(garbled.body()).contains("That answer could not be read");
		assertThat(this.child.get("/learn/no-such-module/quiz").statusCode()).isEqualTo(404);
	}

	@Test
	void wrongThenRightAnswersShowFeedbackAndKeepTheBestScore() {
		HttpResponse<String> page = this.child.get("/learn/" + MODULE + "/quiz");
		HttpResponse<String> wrong = submit(page.body(), false);
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("You got 0 of " + this.quiz.questions().size() + " right (0%)", "Not quite",
				"Try again", "The right order");
		Option wrongFirst = this.quiz.questions().get(0).options().stream().filter((o) -> !o.correct()).findFirst()
			.orElseThrow();
		assertThat(wrong.body()).contains(escaped(wrongFirst.feedback()));

		HttpResponse<String> again = this.child.get("/learn/" + MODULE + "/quiz");
		HttpResponse<String> right = submit(again.body(), true);
		assertThat(right.body()).contains("Well done, every answer is right!", "(100%)");

		HttpResponse<String> third = submit(this.child.get("/learn/" + MODULE + "/quiz").body(), false);
		assertThat(third.body()).contains("(0%)");
		Document progress = this.mongo.getCollection("progress").find(new Document("moduleId", MODULE)
			.append("learnerId", learnerId())).first();
		assertThat(progress.getInteger("bestScore")).isEqualTo(100);
		assertThat(progress.getInteger("attempts")).isEqualTo(3);
		assertThat(progress.get("completedAt")).isNotNull();
		assertThat(this.child.get("/learn").body()).contains("Finished, best score 100%");
	}

	@Test
	void twentyParallelIdenticalSubmissionsRecordOneAttemptAndShowTheSameResult() throws Exception {
		HttpResponse<String> page = this.child.get("/learn/" + MODULE + "/quiz");
		String submissionId = QuizForms.submissionId(page.body());
		List<Callable<HttpResponse<String>>> submits = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			submits.add(() -> submit(page.body(), true));
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<HttpResponse<String>> responses = new ArrayList<>();
		try {
			for (Future<HttpResponse<String>> response : pool.invokeAll(submits)) {
				responses.add(response.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("(100%)");
		});
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("submissionId", submissionId)))
			.isEqualTo(1);
		Document progress = this.mongo.getCollection("progress").find(new Document("learnerId", learnerId())).first();
		assertThat(progress.getInteger("attempts")).isEqualTo(1);

		HttpResponse<String> backAndResubmitWrong = submit(page.body(), false);
		assertThat(backAndResubmitWrong.body()).as("the first result, not a new one").contains("(100%)");
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("learnerId", learnerId())))
			.isEqualTo(1);
	}

	/** Submissions written together in bulk: each child's, sent twice at once, is stored once. */
	@Test
	void manyChildrenSubmittingAtOnceWithDoubleClicksAreEachStoredAndCountedOnce() throws Exception {
		SchoolClass schoolClass = this.classes.create("Year 4 (all at once)", Band.AGES_8_10, "teacher-1");
		List<Browserless> children = new ArrayList<>();
		List<String> pages = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
			children.add(child);
			pages.add(child.get("/learn/" + MODULE + "/quiz").body());
		}
		List<Callable<HttpResponse<String>>> submits = new ArrayList<>();
		for (int i = 0; i < children.size(); i++) {
			Browserless child = children.get(i);
			String page = pages.get(i);
			List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(this.quiz, page, true));
			answers.add(Map.entry("submissionId", QuizForms.submissionId(page)));
			submits.add(() -> child.post("/learn/" + MODULE + "/quiz", page, answers));
			submits.add(() -> child.post("/learn/" + MODULE + "/quiz", page, answers));
		}
		ExecutorService pool = Executors.newFixedThreadPool(submits.size());
		List<HttpResponse<String>> responses = new ArrayList<>();
		try {
			for (Future<HttpResponse<String>> response : pool.invokeAll(submits)) {
				responses.add(response.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("result-score", "(100%)");
		});
		for (int i = 0; i < children.size(); i++) {
			assertThat(this.mongo.getCollection("attempts")
				.countDocuments(new Document("submissionId", QuizForms.submissionId(pages.get(i))))).isEqualTo(1);
			Document progress = this.mongo.getCollection("progress")
				.find(new Document("learnerId", learnerId(children.get(i))).append("moduleId", MODULE))
				.first();
			assertThat(progress.getInteger("attempts")).isEqualTo(1);
			assertThat(progress.getInteger("bestScore")).isEqualTo(100);
		}
	}

	private HttpResponse<String> submit(String page, boolean right) {
		List<Map.Entry<String, String>> answers = new ArrayList<>(QuizForms.answers(this.quiz, page, right));
		answers.add(Map.entry("submissionId", QuizForms.submissionId(page)));
		return this.child.post("/learn/" + MODULE + "/quiz", page, answers);
	}

	private String learnerId() {
		return learnerId(this.child);
	}

	private String learnerId(Browserless someone) {
		return this.mongo.getCollection("learners")
			.find(new Document("tokenHash", Secrets.sha256(someone.cookie(LearnerCookie.NAME))))
			.first()
			.get("_id")
			.toString();
	}

	static String escaped(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text);
	}

}
