package org.safesteps.progress;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class StepMarksTest {

	private static final Duration BOUND = Duration.ofSeconds(30);

	@Autowired
	StepMarks marks;

	@Autowired
	ProgressStore progress;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aQueuedMarkWritesExactlyTheDocumentAnImmediateWriteMakes() {
		Owner now = learner("class-marks", Band.AGES_8_10);
		Owner behind = learner("class-marks", Band.AGES_8_10);
		this.progress.reachStep(now, "trusted-adults", 2, 6);
		this.marks.mark(behind, "trusted-adults", 2, 6);
		this.marks.flush();

		Document immediate = document(now, "trusted-adults");
		Document queued = document(behind, "trusted-adults");
		assertThat(queued).isNotNull();
		assertThat(queued.keySet()).containsExactlyInAnyOrderElementsOf(immediate.keySet());
		for (String field : immediate.keySet()) {
			if (field.equals("_id") || field.equals("learnerId")) {
				assertThat(queued.get(field)).isInstanceOf(immediate.get(field).getClass());
			}
			else if (immediate.get(field) instanceof Date) {
				assertThat(queued.get(field)).as(field).isInstanceOf(Date.class);
			}
			else {
				assertThat(queued.get(field)).as(field).isEqualTo(immediate.get(field));
			}
		}
	}

	@Test
	void theStepOnlyRisesAndReReadingAStepWritesNothing() {
		Owner owner = learner(null, Band.AGES_11_13);
		this.marks.mark(owner, "passwords", 3, 5);
		this.marks.flush();
		Date written = document(owner, "passwords").getDate("updatedAt");

		this.marks.mark(owner, "passwords", 1, 5);
		this.marks.mark(owner, "passwords", 3, 5);
		this.marks.flush();
		assertThat(document(owner, "passwords").getInteger("stepReached")).isEqualTo(3);
		assertThat(document(owner, "passwords").getDate("updatedAt")).as("nothing written").isEqualTo(written);

		this.marks.mark(owner, "passwords", 4, 5);
		this.marks.mark(owner, "passwords", 2, 5);
		this.marks.flush();
		assertThat(document(owner, "passwords").getInteger("stepReached")).isEqualTo(4);
	}

	@Test
	void aStepReachedThroughAnotherWriterIsNotLoweredNorRewritten() {
		Owner owner = learner("class-other-writer", Band.AGES_8_10);
		// written by another path (another instance, the quiz): this instance's writer does not know it
		this.progress.reachStep(owner, "online-friends", 4, 5);
		Date written = document(owner, "online-friends").getDate("updatedAt");

		this.marks.mark(owner, "online-friends", 2, 5);
		this.marks.flush();
		assertThat(document(owner, "online-friends").getInteger("stepReached")).isEqualTo(4);
		assertThat(document(owner, "online-friends").getDate("updatedAt")).isEqualTo(written);

		this.marks.mark(owner, "online-friends", 2, 6);
		this.marks.flush();
		assertThat(document(owner, "online-friends").getInteger("stepReached")).as("never lowered").isEqualTo(4);
		assertThat(document(owner, "online-friends").getInteger("stepsTotal")).as("a changed lesson length is kept")
			.isEqualTo(6);
	}

	@Test
	void marksAreWrittenByTheWriterWithoutAFlush() throws InterruptedException {
		Owner owner = learner("class-behind", Band.AGES_8_10);
		this.marks.mark(owner, "trusted-adults", 1, 6);
		long start = System.nanoTime();
		while (document(owner, "trusted-adults") == null && System.nanoTime() - start < BOUND.toNanos()) {
			Thread.sleep(50);
		}
		assertThat(document(owner, "trusted-adults")).isNotNull();
		assertThat(document(owner, "trusted-adults").getInteger("stepReached")).isEqualTo(1);
	}

	@Test
	void aDeletedLearnersQueuedMarksAreNeverWritten() {
		Owner owner = learner("class-deleted", Band.AGES_8_10);
		this.marks.mark(owner, "trusted-adults", 2, 6);
		this.progress.deleteLearner(owner.learnerId());
		this.marks.flush();
		assertThat(document(owner, "trusted-adults")).isNull();
	}

	@Test
	void aMarkOfALearnerNoLongerInTheDatabaseIsRemovedAfterTheBatch() {
		// as a learner deleted on another instance, still recognised here for a few seconds
		Owner gone = new Owner("gone-" + UUID.randomUUID(), "class-gone", Band.AGES_8_10);
		Owner present = learner("class-gone", Band.AGES_8_10);
		this.marks.mark(gone, "trusted-adults", 2, 6);
		this.marks.mark(present, "trusted-adults", 2, 6);
		this.marks.flush();
		assertThat(document(gone, "trusted-adults")).isNull();
		assertThat(document(present, "trusted-adults")).isNotNull();
	}

	private Owner learner(String classId, Band band) {
		String id = UUID.randomUUID().toString();
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", id).append("classId", classId)
				.append("pseudonym", "Marks " + id)
				.append("band", band.name())
				.append("tokenHash", UUID.randomUUID().toString())
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
		return new Owner(id, classId, band);
	}

	private Document document(Owner owner, String moduleId) {
		return this.mongo.getCollection("progress")
			.find(new Document("learnerId", owner.learnerId()).append("moduleId", moduleId))
			.first();
	}

}
