package org.safesteps.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressStoreTest {

	@Autowired
	ProgressStore progress;

	@Autowired
	MongoTemplate mongo;

	@Test
	void thirtyConcurrentStepUpsertsLeaveOneRecordAtTheHighestStep() throws Exception {
		Owner owner = new Owner("learner-concurrent", "class-1", Band.AGES_8_10);
		List<Integer> steps = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			steps.add(i % 6);
		}
		Collections.shuffle(steps);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Void>> upserts = new ArrayList<>();
		for (int step : steps) {
			upserts.add(() -> {
				start.await();
				this.progress.markStep(owner, "trusted-adults", step, 6);
				return null;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(30);
		try {
			List<Future<Void>> results = new ArrayList<>();
			for (Callable<Void> upsert : upserts) {
				results.add(pool.submit(upsert));
			}
			start.countDown();
			for (Future<Void> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.progress.forLearner("learner-concurrent")).singleElement().satisfies((record) -> {
			assertThat(record.stepReached()).isEqualTo(5);
			assertThat(record.stepsTotal()).isEqualTo(6);
			assertThat(record.classId()).isEqualTo("class-1");
			assertThat(record.band()).isEqualTo("AGES_8_10");
			assertThat(record.completed()).isFalse();
		});
	}

	@Test
	void goingBackAStepNeverLowersTheStepReached() {
		Owner owner = new Owner("learner-back", null, Band.AGES_5_7);
		this.progress.markStep(owner, "online-friends", 3, 5);
		this.progress.markStep(owner, "online-friends", 1, 5);

		assertThat(stored("learner-back", "online-friends").stepReached()).isEqualTo(3);
	}

	@Test
	void aStepMarkedIsKnownReachedOnThisInstanceAndAnother() {
		Owner owner = new Owner("learner-reread", "class-1", Band.AGES_8_10);
		assertThat(this.progress.reached("learner-reread", "passwords", 0, 5)).isFalse();
		this.progress.markStep(owner, "passwords", 2, 5);

		ProgressStore other = anotherInstance();
		assertThat(this.progress.reached("learner-reread", "passwords", 1, 5)).isTrue();
		assertThat(other.reached("learner-reread", "passwords", 2, 5)).as("read from the database").isTrue();
		assertThat(other.reached("learner-reread", "passwords", 3, 5)).isFalse();

		other.markStep(owner, "passwords", 3, 5);
		assertThat(this.progress.reached("learner-reread", "passwords", 3, 5))
			.as("a step beyond the remembered one is read again").isTrue();
		assertThat(stored("learner-reread", "passwords").stepReached()).isEqualTo(3);
	}

	@Test
	void aLessonWhoseStepCountChangedIsNotReachedUntilMarkedAgain() {
		Owner owner = new Owner("learner-recount", null, Band.AGES_11_13);
		this.progress.markStep(owner, "passwords", 4, 5);

		assertThat(this.progress.reached("learner-recount", "passwords", 1, 6)).isFalse();
		this.progress.markStep(owner, "passwords", 1, 6);

		assertThat(stored("learner-recount", "passwords").stepsTotal()).isEqualTo(6);
		assertThat(anotherInstance().reached("learner-recount", "passwords", 4, 6)).isTrue();
	}

	/** A second instance against the same database: its memory of the steps reached starts empty. */
	private ProgressStore anotherInstance() {
		return new ProgressStore(this.mongo, Clock.systemUTC(), new ClassReportVersions(this.mongo));
	}

	private Progress stored(String learnerId, String moduleId) {
		return this.progress.forModules(learnerId, List.of(moduleId)).get(0);
	}

	@Test
	void forModulesFindsTheLearnersProgressInTheGivenModulesOnly() {
		Owner owner = new Owner("learner-modules", null, Band.AGES_8_10);
		this.progress.markStep(owner, "passwords", 1, 5);
		this.progress.markStep(owner, "gaming", 0, 4);
		this.progress.markStep(new Owner("someone-else", null, Band.AGES_8_10), "passwords", 4, 5);

		assertThat(this.progress.forModules("learner-modules", List.of("passwords", "sextortion")))
			.extracting(Progress::moduleId, Progress::stepReached)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("passwords", 1));
	}

	@Test
	void attemptsCompleteTheModuleOnceAndKeepTheBestScore() {
		Owner owner = new Owner("learner-scores", null, Band.AGES_14_17);
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		Progress first = this.progress.recordAttempt(owner, "sextortion", "s-1", 40, at, 6);
		assertThat(first.completedAt()).isEqualTo(at);
		Progress second = this.progress.recordAttempt(owner, "sextortion", "s-2", 90, at.plusSeconds(60), 6);
		Progress third = this.progress.recordAttempt(owner, "sextortion", "s-3", 60, at.plusSeconds(120), 6);
		assertThat(third.bestScore()).isEqualTo(90);
		assertThat(third.attempts()).isEqualTo(3);
		assertThat(third.completedAt()).isEqualTo(first.completedAt()).isEqualTo(second.completedAt());
	}

	@Test
	void theSameSubmissionIsCountedOnceHoweverOftenItIsRecorded() {
		Owner owner = new Owner("learner-retries", "class-1", Band.AGES_11_13);
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		for (int i = 0; i < 3; i++) {
			this.progress.recordAttempt(owner, "sextortion", "s-same", 70, at, 6);
		}
		this.progress.recordAttempt(owner, "sextortion", "s-other", 50, at.plusSeconds(60), 6);
		Progress again = this.progress.recordAttempt(owner, "sextortion", "s-same", 70, at, 6);
		assertThat(again.attempts()).isEqualTo(2);
		assertThat(again.bestScore()).isEqualTo(70);
		assertThat(this.progress.forLearner("learner-retries")).hasSize(1);
	}

	@Test
	void parallelRetriesOfOneSubmissionCountItOnce() throws Exception {
		Owner owner = new Owner("learner-parallel-retries", null, Band.AGES_11_13);
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Progress>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.progress.recordAttempt(owner, "sextortion", "s-parallel", 80, at, 6);
				}));
			}
			start.countDown();
			for (Future<Progress> result : results) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.progress.forLearner("learner-parallel-retries")).singleElement()
			.satisfies((record) -> assertThat(record.attempts()).isEqualTo(1));
	}

	/**
	 * The quiz's batch builds its writes as documents directly, not through the template's mappers:
	 * the same submissions stored one at a time and in batches leave the same progress document (all
	 * but the learner, the id and when it was last written), first insert and later updates alike, and
	 * a resubmitted id still counts once.
	 */
	@Test
	void aBatchCountsSubmissionsAsSingleWritesDo() {
		Instant first = Instant.parse("2026-12-07T09:00:00.123Z");
		Owner single = new Owner("learner-counted-singly", "class-counting", Band.AGES_11_13);
		Owner batched = new Owner("learner-counted-in-batches", "class-counting", Band.AGES_11_13);
		List<List<Object[]>> rounds = List.of(List.<Object[]>of(new Object[] { "s-1", 60, first }),
				List.<Object[]>of(new Object[] { "s-2", 40, first.plusSeconds(90) },
						new Object[] { "s-1", 60, first.plusSeconds(95) }),
				List.<Object[]>of(new Object[] { "s-3", 100, first.minusSeconds(30) }));
		for (List<Object[]> round : rounds) {
			List<ProgressStore.Counting> countings = new ArrayList<>();
			for (Object[] submission : round) {
				this.progress.recordAttempt(single, "trusted-adults", (String) submission[0], (Integer) submission[1],
						(Instant) submission[2], 6);
				countings.add(new ProgressStore.Counting(batched, "trusted-adults", (String) submission[0],
						(Integer) submission[1], (Instant) submission[2], 6));
			}
			// as QuizWrites does: an item the batch could not write (here the id counted before, whose
			// upsert collides on the unique key) goes through the single write, which counts nothing
			this.progress.recordAttempts(countings).forEach((index, error) -> {
				assertThat(error.getCode()).isEqualTo(11000);
				ProgressStore.Counting failed = countings.get(index);
				this.progress.recordAttempt(batched, failed.moduleId(), failed.submissionId(), failed.score(),
						failed.submittedAt(), failed.stepsTotal());
			});
			assertThat(storedDocument(batched)).isEqualTo(storedDocument(single));
		}
		org.bson.Document progress = storedDocument(batched);
		assertThat(progress.getInteger("attempts")).isEqualTo(3);
		assertThat(progress.getInteger("bestScore")).isEqualTo(100);
		assertThat(progress.get("completedAt")).isEqualTo(java.util.Date.from(first.minusSeconds(30)));
		assertThat(progress.get("startedAt")).isEqualTo(java.util.Date.from(first));
		assertThat(progress.getList("countedSubmissions", String.class)).containsExactly("s-1", "s-2", "s-3");
		assertThat(progress).containsEntry("band", "AGES_11_13").containsEntry("stepsTotal", 6);
	}

	private org.bson.Document storedDocument(Owner owner) {
		org.bson.Document stored = this.mongo.getCollection("progress")
			.find(new org.bson.Document("learnerId", owner.learnerId()))
			.first();
		assertThat(stored).as("progress of %s", owner.learnerId()).isNotNull();
		stored.keySet().removeAll(List.of("_id", "learnerId", "updatedAt"));
		return stored;
	}

}
