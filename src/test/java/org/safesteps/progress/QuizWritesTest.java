package org.safesteps.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.QuizResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quiz submissions written together in bulk: many at once are each stored exactly once with their
 * progress counted once, a resubmission in the same batch fails alone, and a progress write that
 * collides fails alone and is completed by the single write.
 */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizWritesTest {

	static final String MODULE = "trusted-adults";

	@Autowired
	QuizSubmissions submissions;

	@Autowired
	AttemptStore attempts;

	@Autowired
	ProgressStore progress;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Test
	void manySubmissionsAtOnceWithDoubleClicksAreEachStoredOnceAndCountedOnce() throws Exception {
		Module module = this.curriculum.module(MODULE).orElseThrow();
		Quiz quiz = module.quiz(Band.AGES_8_10).orElseThrow();
		Map<String, List<String>> chosen = firstOptions(quiz);
		String run = UUID.randomUUID().toString();
		int learners = 24;
		int perLearner = 2;
		// every submission is sent twice at the same moment, as a double click does
		List<Callable<Sent>> sends = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (int l = 0; l < learners; l++) {
			Owner owner = new Owner(run + "-learner-" + l, run + "-class", Band.AGES_8_10);
			present(owner.learnerId());
			for (int s = 0; s < perLearner; s++) {
				String submissionId = UUID.randomUUID().toString();
				for (int copy = 0; copy < 2; copy++) {
					sends.add(() -> {
						start.await();
						QuizResult result = this.submissions.submit(owner, module, quiz, this.curriculum.version(),
								submissionId, chosen);
						return new Sent(owner.learnerId(), submissionId, result.score());
					});
				}
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(sends.size());
		List<Sent> answered = new ArrayList<>();
		try {
			List<Future<Sent>> futures = new ArrayList<>();
			for (Callable<Sent> send : sends) {
				futures.add(pool.submit(send));
			}
			start.countDown();
			for (Future<Sent> future : futures) {
				answered.add(future.get(1, TimeUnit.MINUTES));
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(answered).hasSize(learners * perLearner * 2);
		int expectedScore = answered.get(0).score();
		assertThat(answered).as("every copy shows the same result").allMatch((sent) -> sent.score() == expectedScore);
		for (Sent sent : answered) {
			assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("submissionId", sent.submissionId())))
				.as("stored exactly once").isEqualTo(1);
		}
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("classId", run + "-class")))
			.isEqualTo(learners * perLearner);
		for (int l = 0; l < learners; l++) {
			String learnerId = run + "-learner-" + l;
			List<Progress> found = this.progress.forLearner(learnerId);
			assertThat(found).singleElement().satisfies((record) -> {
				assertThat(record.attempts()).as("each submission counted once").isEqualTo(perLearner);
				assertThat(record.completed()).isTrue();
				assertThat(record.bestScore()).isEqualTo(expectedScore);
				assertThat(record.classId()).isEqualTo(run + "-class");
			});
		}
	}

	@Test
	void aResubmissionInABulkInsertFailsAloneAsADuplicate() {
		String learnerId = "bulk-" + UUID.randomUUID();
		Attempt earlier = attempt(learnerId, UUID.randomUUID().toString());
		assertThat(this.attempts.insertAll(List.of(earlier))).isEmpty();
		Attempt first = attempt(learnerId, UUID.randomUUID().toString());
		Attempt second = attempt(learnerId, UUID.randomUUID().toString());

		Map<Integer, BulkWriteError> errors = this.attempts
			.insertAll(List.of(first, attempt(learnerId, earlier.submissionId()), second, attempt(learnerId, first.submissionId())));

		assertThat(errors).containsOnlyKeys(1, 3);
		assertThat(errors.values()).allSatisfy((error) -> assertThat(ErrorCategory.fromErrorCode(error.getCode()))
			.isEqualTo(ErrorCategory.DUPLICATE_KEY));
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("learnerId", learnerId)))
			.as("the earlier one and the two new ones").isEqualTo(3);
		assertThat(this.attempts.findBySubmissionId(second.submissionId())).isPresent();
	}

	@Test
	void aProgressWriteThatCollidesFailsAloneInItsBulkWrite() {
		String run = UUID.randomUUID().toString();
		Owner counted = new Owner(run + "-counted", null, Band.AGES_8_10);
		Owner fresh = new Owner(run + "-fresh", null, Band.AGES_8_10);
		Instant at = Instant.parse("2026-12-06T09:00:00Z");
		this.progress.recordAttempt(counted, MODULE, "s-1", 60, at, 6);

		// counting s-1 again: the filter matches nothing and the upsert's insert collides on the unique key
		Map<Integer, BulkWriteError> errors = this.progress.recordAttempts(
				List.of(new ProgressStore.Counting(counted, MODULE, "s-1", 60, at, 6),
						new ProgressStore.Counting(fresh, MODULE, "s-2", 80, at, 6)));

		assertThat(errors).containsOnlyKeys(0);
		assertThat(this.progress.forLearner(counted.learnerId())).singleElement()
			.satisfies((record) -> assertThat(record.attempts()).isEqualTo(1));
		assertThat(this.progress.forLearner(fresh.learnerId())).singleElement().satisfies((record) -> {
			assertThat(record.attempts()).isEqualTo(1);
			assertThat(record.bestScore()).isEqualTo(80);
			assertThat(record.completedAt()).isEqualTo(at);
			assertThat(record.stepsTotal()).isEqualTo(6);
		});
		// the single write the caller falls back on finds the submission counted and changes nothing
		this.progress.recordAttempt(counted, MODULE, "s-1", 60, at, 6);
		assertThat(this.progress.forLearner(counted.learnerId())).singleElement()
			.satisfies((record) -> assertThat(record.attempts()).isEqualTo(1));
	}

	@Test
	void aBulkProgressWriteKeepsTheBestScoreAndTheFirstCompletion() {
		Owner owner = new Owner("bulk-best-" + UUID.randomUUID(), "class-1", Band.AGES_8_10);
		Instant first = Instant.parse("2026-12-06T09:00:00Z");
		assertThat(this.progress.recordAttempts(List.of(new ProgressStore.Counting(owner, MODULE, "a", 90, first, 6),
				new ProgressStore.Counting(owner, MODULE, "b", 40, first.plusSeconds(60), 6))))
			.as("two submissions of one learner in one batch").isEmpty();
		assertThat(this.progress.forLearner(owner.learnerId())).singleElement().satisfies((record) -> {
			assertThat(record.attempts()).isEqualTo(2);
			assertThat(record.bestScore()).isEqualTo(90);
			assertThat(record.completedAt()).isEqualTo(first);
			assertThat(record.classId()).isEqualTo("class-1");
			assertThat(record.band()).isEqualTo("AGES_8_10");
		});
	}

	@Test
	void aSubmissionForALearnerNoLongerInTheDatabaseStoresNothingAndItsBatchGoesOn() throws Exception {
		Module module = this.curriculum.module(MODULE).orElseThrow();
		Quiz quiz = module.quiz(Band.AGES_8_10).orElseThrow();
		String run = UUID.randomUUID().toString();
		Owner gone = new Owner(run + "-gone", run + "-class", Band.AGES_8_10);
		Owner here = new Owner(run + "-here", run + "-class", Band.AGES_8_10);
		present(here.learnerId());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			// sent at the same moment, so that they may share a batch
			Future<QuizResult> goneSent = pool.submit(() -> {
				start.await();
				return this.submissions.submit(gone, module, quiz, this.curriculum.version(),
						UUID.randomUUID().toString(), firstOptions(quiz));
			});
			Future<QuizResult> hereSent = pool.submit(() -> {
				start.await();
				return this.submissions.submit(here, module, quiz, this.curriculum.version(),
						UUID.randomUUID().toString(), firstOptions(quiz));
			});
			start.countDown();
			assertThatThrownBy(() -> goneSent.get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(LearnerGoneException.class);
			assertThat(hereSent.get(1, TimeUnit.MINUTES).score()).isPositive();
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("learnerId", gone.learnerId())))
			.isZero();
		assertThat(this.progress.forLearner(gone.learnerId())).isEmpty();
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("learnerId", here.learnerId())))
			.isEqualTo(1);
		assertThat(this.progress.forLearner(here.learnerId())).hasSize(1);
	}

	/** A learner in the database, as far as a quiz's write batch asks (it reads only the id). */
	private void present(String learnerId) {
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", learnerId).append("tokenHash", "t-" + learnerId).append("resumeHash", "r-" + learnerId)
				.append("pseudonym", "p-" + learnerId));
	}

	/**
	 * The batch writes each attempt as a document built directly: the same document the template's
	 * converter writes, with and without the properties that may be missing, and read back as the
	 * same attempt.
	 */
	@Test
	void anAttemptIsWrittenAsTheTemplateWritesIt() {
		Attempt full = new Attempt("attempt-full", "s-full", "learner-full", "class-full", MODULE, Band.AGES_11_13.name(),
				this.curriculum.version(), List.of(new Attempt.Answer("q1", List.of("b", "a"), false),
						new Attempt.Answer("q2", List.of(), true)),
				// in the past, to the millisecond: tests sharing the database look for the latest attempt
				50, 1, 2, Instant.now().minusSeconds(3_600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		Attempt sparse = new Attempt(null, "s-sparse", "learner-sparse", null, MODULE, Band.AGES_5_7.name(), null,
				List.of(), 0, 0, 0, null);
		for (Attempt attempt : List.of(full, sparse)) {
			Document converted = new Document();
			this.mongo.getConverter().write(attempt, converted);
			assertThat(AttemptStore.document(attempt)).isEqualTo(converted);
		}
		assertThat(this.attempts.insertAll(List.of(full, sparse))).isEmpty();
		assertThat(this.attempts.findBySubmissionId("s-full")).contains(full);
		assertThat(this.attempts.findBySubmissionId("s-sparse")).hasValueSatisfying((read) -> {
			assertThat(read.id()).isNotNull();
			assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(sparse);
		});
	}

	private Attempt attempt(String learnerId, String submissionId) {
		return new Attempt(null, submissionId, learnerId, null, MODULE, Band.AGES_8_10.name(), this.curriculum.version(),
				List.of(new Attempt.Answer("q1", List.of("a"), true)), 100, 1, 1, Instant.now());
	}

	private static Map<String, List<String>> firstOptions(Quiz quiz) {
		Map<String, List<String>> chosen = new HashMap<>();
		quiz.questions().forEach((question) -> {
			List<String> ids = question.options().stream().map((option) -> option.id()).toList();
			chosen.put(question.id(), (question.type() == QuestionType.ORDER) ? ids : List.of(ids.get(0)));
		});
		return chosen;
	}

	record Sent(String learnerId, String submissionId, int score) {
	}

}
