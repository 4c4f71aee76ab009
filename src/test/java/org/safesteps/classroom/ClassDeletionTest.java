package org.safesteps.classroom;

import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.safesteps.content.Band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deleting a class: nothing half-deleted shows after a failure midway, and a retry completes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassDeletionTest {

	@Autowired
	ClassDeletion deletion;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ClassDeletionFault failOnce;

	@Test
	void aDeletionThatFailsMidwayHidesTheClassAndTheRetryRemovesEverything() {
		String owner = UUID.randomUUID().toString();
		SchoolClass schoolClass = this.classes.create("Year 4", Band.AGES_8_10, owner);
		this.assignments.assign(schoolClass.id(), "trusted-adults", null, 0);
		learner(schoolClass.id());

		this.failOnce.armed.set(true);
		assertThatThrownBy(() -> this.deletion.delete(schoolClass.id(), owner)).hasMessageContaining("midway");
		assertThat(this.classes.taughtBy(owner)).as("gone from the teacher's list at once").isEmpty();
		assertThat(this.classes.findForTeacher(schoolClass.id(), owner)).isEmpty();
		assertThat(this.classes.findByJoinCode(schoolClass.code())).as("its code joins nobody").isEmpty();
		assertThat(this.classes.all()).noneMatch((each) -> each.id().equals(schoolClass.id()));
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(schoolClass.id())), SchoolClass.class))
			.as("but its document waits for the retry").isOne();

		assertThat(this.deletion.delete(schoolClass.id(), owner)).isTrue();
		assertThat(this.assignments.forClass(schoolClass.id())).isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("classId").is(schoolClass.id())), "learners")).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(schoolClass.id())), SchoolClass.class)).isZero();
	}

	@Test
	void anInterruptedDeletionFinishesTheNextTimeItsOwnerLooks() {
		String owner = UUID.randomUUID().toString();
		SchoolClass schoolClass = this.classes.create("Year 3", Band.AGES_8_10, owner);
		learner(schoolClass.id());
		this.failOnce.armed.set(true);
		assertThatThrownBy(() -> this.deletion.delete(schoolClass.id(), owner)).hasMessageContaining("midway");

		this.deletion.finishInterrupted(owner);
		assertThat(this.mongo.count(Query.query(Criteria.where("classId").is(schoolClass.id())), "learners")).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").is(schoolClass.id())), SchoolClass.class)).isZero();
	}

	@Test
	void onlyTheOwnerDeletes() {
		String owner = UUID.randomUUID().toString();
		String coTeacher = UUID.randomUUID().toString();
		SchoolClass schoolClass = this.classes.create("Year 2", Band.AGES_5_7, owner);
		this.classes.addTeacher(schoolClass.id(), coTeacher);
		assertThat(this.deletion.delete(schoolClass.id(), coTeacher)).isFalse();
		assertThat(this.classes.findForTeacher(schoolClass.id(), coTeacher)).isPresent();
		assertThat(this.deletion.delete(schoolClass.id(), owner)).isTrue();
		assertThat(this.classes.findForTeacher(schoolClass.id(), coTeacher)).isEmpty();
	}

	private void learner(String classId) {
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("classId", classId)
				.append("pseudonym", "Calm Heron " + UUID.randomUUID().toString().substring(0, 6))
				.append("band", "AGES_8_10")
				.append("tokenHash", UUID.randomUUID().toString())
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
	}

}
