package org.safesteps.progress;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.progress.ClassReports.Cell;
import org.safesteps.progress.ClassReports.QuestionShares;
import org.safesteps.progress.ClassReports.State;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The class report pipelines against the embedded MongoDB, with documents shaped as in docs/data.md. */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassReportsTest {

	private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	@Autowired
	ClassReports reports;

	@Autowired
	MongoTemplate mongo;

	String classId;

	String otter;

	String fox;

	String owl;

	@BeforeEach
	void aClassOfThreeLearnersAndAStrangerInAnotherClass() {
		this.classId = "class-" + UUID.randomUUID();
		this.otter = learner(this.classId, "Brave Otter");
		this.fox = learner(this.classId, "Calm Fox");
		this.owl = learner(this.classId, "Kind Owl");
		String stranger = learner("other-" + UUID.randomUUID(), "Quiet Mole");

		progress(this.otter, this.classId, "sextortion", 4, 5, true, 75, 2);
		progress(this.fox, this.classId, "sextortion", 1, 5, false, null, 0);
		progress(this.otter, this.classId, "passwords", 3, 3, true, 100, 1);
		progress(stranger, "elsewhere", "sextortion", 4, 5, true, 10, 1);

		// Otter first got q1 wrong (chose b), then right on a second try; only the first attempt counts
		attempt(this.otter, this.classId, "sextortion", T0, 50, answer("q1", false, "b"), answer("q2", true, "a", "c"));
		attempt(this.otter, this.classId, "sextortion", T0.plusSeconds(600), 100, answer("q1", true, "a"),
				answer("q2", true, "a", "c"));
		attempt(this.owl, this.classId, "sextortion", T0.plusSeconds(60), 0, answer("q1", false, "c"),
				answer("q2", false, "a"));
		attempt(stranger, "elsewhere", "sextortion", T0, 0, answer("q1", false, "b"), answer("q2", false, "b"));
	}

	@Test
	void matrixHasEveryLearnerOfTheClassAgainstEachAssignedModuleInOrder() {
		ClassReports.Matrix matrix = this.reports.matrix(this.classId, List.of("sextortion", "passwords"));

		assertThat(matrix.rows()).extracting((row) -> row.learner().pseudonym())
			.containsExactly("Brave Otter", "Calm Fox", "Kind Owl");
		Cell otterSextortion = matrix.rows().get(0).cells().get("sextortion");
		assertThat(otterSextortion.state()).isEqualTo(State.COMPLETED);
		assertThat(otterSextortion.bestScore()).isEqualTo(75);
		assertThat(matrix.rows().get(0).cells()).containsOnlyKeys("sextortion", "passwords");
		Cell foxSextortion = matrix.rows().get(1).cells().get("sextortion");
		assertThat(foxSextortion.state()).isEqualTo(State.IN_PROGRESS);
		assertThat(foxSextortion.step()).as("0-based stepReached 1 is step 2").isEqualTo(2);
		assertThat(foxSextortion.steps()).isEqualTo(5);
		assertThat(foxSextortion.bestScore()).isNull();
		assertThat(matrix.rows().get(1).cells().get("passwords").state()).isEqualTo(State.NOT_STARTED);
		assertThat(matrix.rows().get(2).cells().values()).allSatisfy(
				(cell) -> assertThat(cell.state()).isEqualTo(State.NOT_STARTED));
	}

	@Test
	void completionCountsStartedAndCompletedLearnersOfThisClassOnly() {
		assertThat(this.reports.completion(this.classId, List.of("sextortion", "passwords", "gaming")))
			.containsExactly(new ClassReports.ModuleCompletion("sextortion", 3, 2, 1),
					new ClassReports.ModuleCompletion("passwords", 3, 1, 1),
					new ClassReports.ModuleCompletion("gaming", 3, 0, 0));
	}

	@Test
	void questionSharesCountEachLearnersFirstAttemptWithTheMostMissedFirst() {
		List<QuestionShares> questions = this.reports.questions(this.classId, "sextortion");

		assertThat(questions).extracting(QuestionShares::questionId).containsExactly("q1", "q2");
		QuestionShares q1 = questions.get(0);
		assertThat(q1.answered()).isEqualTo(2);
		assertThat(q1.correct()).isZero();
		assertThat(q1.chosenBy()).containsOnly(entry("b", 1), entry("c", 1));
		assertThat(q1.percentChoosing("b")).isEqualTo(50);
		assertThat(q1.percentChoosing("a")).isZero();
		QuestionShares q2 = questions.get(1);
		assertThat(q2.correct()).isEqualTo(1);
		assertThat(q2.chosenBy()).containsOnly(entry("a", 2), entry("c", 1));
		assertThat(q2.percentChoosing("a")).isEqualTo(100);
	}

	@Test
	void summaryGivesTheSameMatrixCompletionAndQuestionsAsTheSeparateReports() {
		List<String> modules = List.of("sextortion", "passwords", "gaming");

		ClassReports.Summary summary = this.reports.summary(this.classId, modules);

		assertThat(summary.matrix()).isEqualTo(this.reports.matrix(this.classId, modules));
		assertThat(summary.completion()).isEqualTo(this.reports.completion(this.classId, modules));
		assertThat(summary.questions()).containsOnlyKeys(modules);
		for (String module : modules) {
			assertThat(summary.questions().get(module)).isEqualTo(this.reports.questions(this.classId, module));
		}
		assertThat(summary.questions().get("gaming")).isEmpty();
	}

	@Test
	void drillDownFindsALearnerByPseudonymWithProgressAndAttemptsNewestFirst() {
		ClassReports.LearnerReport report = this.reports.learner(this.classId, "Brave Otter").orElseThrow();

		assertThat(report.learner().id()).isEqualTo(this.otter);
		assertThat(report.progress()).extracting(Cell::moduleId).containsExactlyInAnyOrder("sextortion", "passwords");
		assertThat(report.attempts()).extracting(ClassReports.AttemptLine::score).containsExactly(100, 50);
		assertThat(report.attempts().get(1).answers()).containsEntry("q1", false).containsEntry("q2", true);
		assertThat(this.reports.learner(this.classId, "Quiet Mole")).as("a learner of another class").isEmpty();
	}

	private static java.util.Map.Entry<String, Integer> entry(String key, int value) {
		return java.util.Map.entry(key, value);
	}

	private String learner(String classId, String pseudonym) {
		String id = UUID.randomUUID().toString();
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", id).append("classId", classId)
				.append("pseudonym", pseudonym)
				.append("band", "AGES_11_13")
				.append("tokenHash", UUID.randomUUID().toString())
				.append("resumeHash", null)
				.append("createdAt", Date.from(T0))
				.append("lastSeenAt", Date.from(T0)));
		return id;
	}

	private void progress(String learnerId, String classId, String moduleId, int stepReached, int stepsTotal,
			boolean completed, Integer bestScore, int attempts) {
		this.mongo.getCollection("progress")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", moduleId)
				.append("band", "AGES_11_13")
				.append("stepReached", stepReached)
				.append("stepsTotal", stepsTotal)
				.append("startedAt", Date.from(T0))
				.append("completedAt", completed ? Date.from(T0.plusSeconds(900)) : null)
				.append("bestScore", bestScore)
				.append("attempts", attempts)
				.append("updatedAt", Date.from(T0)));
	}

	private void attempt(String learnerId, String classId, String moduleId, Instant at, int score, Document... answers) {
		long correct = java.util.Arrays.stream(answers).filter((a) -> a.getBoolean("correct")).count();
		this.mongo.getCollection("attempts")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("submissionId", UUID.randomUUID().toString())
				.append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", moduleId)
				.append("band", "AGES_11_13")
				.append("contentVersion", "v1")
				.append("answers", List.of(answers))
				.append("score", score)
				.append("correctCount", (int) correct)
				.append("questionCount", answers.length)
				.append("createdAt", Date.from(at)));
	}

	private static Document answer(String questionId, boolean correct, String... chosen) {
		return new Document("questionId", questionId).append("chosen", List.of(chosen)).append("correct", correct);
	}

}
