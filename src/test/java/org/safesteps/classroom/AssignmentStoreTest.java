package org.safesteps.classroom;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssignmentStoreTest {

	@Autowired
	AssignmentStore assignments;

	@Test
	void learnersSeeEveryChangeMadeThroughTheStoreAtOnceDespiteTheCache() {
		String classId = "class-" + UUID.randomUUID();
		assertThat(this.assignments.forLearnersOf(classId)).isEmpty();

		this.assignments.assign(classId, "passwords", null, 0);
		this.assignments.assign(classId, "gaming", LocalDate.of(2026, 12, 1), 1);
		assertThat(this.assignments.forLearnersOf(classId)).extracting(Assignment::moduleId)
			.containsExactly("passwords", "gaming");

		this.assignments.move(classId, "gaming", -1);
		assertThat(this.assignments.forLearnersOf(classId)).extracting(Assignment::moduleId)
			.containsExactly("gaming", "passwords");

		this.assignments.unassign(classId, "gaming");
		assertThat(this.assignments.forLearnersOf(classId)).extracting(Assignment::moduleId).containsExactly("passwords");

		this.assignments.deleteClass(classId);
		assertThat(this.assignments.forLearnersOf(classId)).isEmpty();
	}

}
