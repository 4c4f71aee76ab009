package org.safesteps.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassEvents;
import org.safesteps.content.Band;
import org.safesteps.progress.Attempt;
import org.safesteps.progress.Owner;
import org.safesteps.progress.ProgressStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on the shared application, with the period it is configured with (400 days
 * unless set; TwoInstancesTest runs it with a period of its own): a configuration of its own here
 * would be one more application start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionTest {

	@Autowired
	RetentionJob retention;

	@Autowired
	RetentionProperties properties;

	@Autowired
	LearnerStore store;

	@Autowired
	ProgressStore progress;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void learnersIdleLongerThanTheConfiguredPeriodAreDeletedWithEverythingTheyOwn() {
		Learner idle = withData(this.store.create("retention-class", Band.AGES_8_10, Secrets.sha256("idle")));
		Learner active = withData(this.store.create("retention-class", Band.AGES_8_10, Secrets.sha256("active")));
		Duration period = this.properties.learnerIdle();
		seen(idle, Instant.now().minus(period).minus(Duration.ofMinutes(1)));
		seen(active, Instant.now().minus(period).plus(Duration.ofMinutes(1)));
		// the shared application's scheduled run may have just taken the job's once-per-period lease
		this.mongo.remove(Query.query(Criteria.where("_id").is(RetentionJob.LEASE)), "leases");

		assertThat(this.retention.deleteIdleLearners()).isGreaterThanOrEqualTo(1);

		assertThat(exists(idle)).isFalse();
		assertThat(owned(idle)).isZero();
		assertThat(exists(active)).isTrue();
		assertThat(owned(active)).isEqualTo(2);
	}

	@Test
	void removingALearnerOrDeletingAClassDeletesTheirLearnersAndData() {
		Learner removed = withData(this.store.create("events-class", Band.AGES_11_13, Secrets.sha256("removed")));
		Learner classmate = withData(this.store.create("events-class", Band.AGES_11_13, Secrets.sha256("classmate")));
		Learner other = withData(this.store.create("other-events-class", Band.AGES_11_13, Secrets.sha256("other")));

		this.events.publishEvent(new ClassEvents.LearnerRemoved("events-class", removed.id()));
		assertThat(exists(removed)).isFalse();
		assertThat(owned(removed)).isZero();
		assertThat(exists(classmate)).isTrue();

		this.events.publishEvent(new ClassEvents.ClassDeleted("events-class"));
		assertThat(exists(classmate)).isFalse();
		assertThat(owned(classmate)).isZero();
		assertThat(exists(other)).isTrue();
		assertThat(owned(other)).isEqualTo(2);
	}

	private Learner withData(Learner learner) {
		Owner owner = learner.owner();
		this.progress.markStep(owner, "trusted-adults", 1, 6);
		this.mongo.insert(new Attempt(null, "submission-" + learner.id(), learner.id(), learner.classId(),
				"trusted-adults", owner.band().name(), "v1", List.of(new Attempt.Answer("q", List.of("a"), true)), 100,
				1, 1, Instant.now()));
		return learner;
	}

	private void seen(Learner learner, Instant at) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learner.id())), Update.update("lastSeenAt", at),
				Learner.class);
	}

	private boolean exists(Learner learner) {
		return this.mongo.findById(learner.id(), Learner.class) != null;
	}

	private long owned(Learner learner) {
		Document filter = new Document(Map.of("learnerId", learner.id()));
		return this.mongo.getCollection("progress").countDocuments(filter)
				+ this.mongo.getCollection("attempts").countDocuments(filter);
	}

}
