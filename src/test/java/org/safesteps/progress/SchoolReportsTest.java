package org.safesteps.progress;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.progress.SchoolReports.ModuleFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The school pipelines against the embedded MongoDB, with documents shaped as in docs/data.md. */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolReportsTest {

	@Autowired
	SchoolReports reports;

	@Autowired
	MongoTemplate mongo;

	String red;

	String blue;

	String empty;

	@BeforeEach
	void twoClassesWithProgressAnEmptyClassAndLearnersElsewhere() {
		this.red = "red-" + UUID.randomUUID();
		this.blue = "blue-" + UUID.randomUUID();
		this.empty = "empty-" + UUID.randomUUID();
		String otter = learner(this.red);
		String fox = learner(this.red);
		String owl = learner(this.red);
		learner(this.red);
		String mole = learner(this.blue);
		String hare = learner(this.blue);
		String stranger = learner("other-" + UUID.randomUUID());
		String selfLearner = learner(null);

		progress(otter, this.red, "sextortion", true, 80);
		progress(fox, this.red, "sextortion", true, 0);
		progress(owl, this.red, "sextortion", false, null);
		progress(otter, this.red, "passwords", true, 100);
		// a module the class does not have assigned: not in the class's figures
		progress(fox, this.red, "gaming", true, 10);
		progress(mole, this.blue, "sextortion", true, 50);
		progress(hare, this.blue, "sextortion", false, null);
		progress(stranger, "elsewhere", "sextortion", true, 5);
		progress(selfLearner, null, "sextortion", true, 5);
	}

	@Test
	void eachClassHasItsLearnersAndPerAssignedModuleCompletionAndAverageBestScore() {
		SchoolReports.School school = this.reports.school(assigned());

		assertThat(school.classes()).extracting(SchoolReports.ClassFigures::classId)
			.containsExactly(this.red, this.blue, this.empty);
		SchoolReports.ClassFigures red = school.classes().get(0);
		assertThat(red.learners()).isEqualTo(4);
		assertThat(red.active()).as("learners who started anything").isEqualTo(3);
		assertThat(red.modules()).containsExactly(new ModuleFigures("sextortion", 4, 3, 2, 2, 80),
				new ModuleFigures("passwords", 4, 1, 1, 1, 100), new ModuleFigures("online-friends", 4, 0, 0, 0, 0));
		assertThat(red.modules().get(0).percentCompleted()).isEqualTo(50);
		assertThat(red.modules().get(0).averageBestScore()).as("a score of 0 counts").isEqualTo(40);
		assertThat(red.modules().get(2).averageBestScore()).isNull();
		SchoolReports.ClassFigures blue = school.classes().get(1);
		assertThat(blue.learners()).isEqualTo(2);
		assertThat(blue.modules()).containsExactly(new ModuleFigures("sextortion", 2, 2, 1, 1, 50));
		assertThat(school.classes().get(2)).isEqualTo(new SchoolReports.ClassFigures(this.empty, 0, 0, List.of()));
	}

	@Test
	void eachModuleSumsTheClassesThatHaveItAssignedOnly() {
		SchoolReports.School school = this.reports.school(assigned());

		assertThat(school.learners()).isEqualTo(6);
		assertThat(school.modules()).extracting(ModuleFigures::moduleId)
			.containsExactly("sextortion", "passwords", "online-friends");
		ModuleFigures sextortion = school.modules().get(0);
		assertThat(sextortion).isEqualTo(new ModuleFigures("sextortion", 6, 5, 3, 3, 130));
		assertThat(sextortion.percentCompleted()).isEqualTo(50);
		assertThat(sextortion.averageBestScore()).isEqualTo(43);
		assertThat(school.modules().get(1)).isEqualTo(new ModuleFigures("passwords", 4, 1, 1, 1, 100));
	}

	@Test
	void noClassesGiveAnEmptySchool() {
		assertThat(this.reports.school(Map.of())).isEqualTo(new SchoolReports.School(List.of(), List.of()));
	}

	private Map<String, List<String>> assigned() {
		Map<String, List<String>> assigned = new LinkedHashMap<>();
		assigned.put(this.red, List.of("sextortion", "passwords", "online-friends"));
		assigned.put(this.blue, List.of("sextortion"));
		assigned.put(this.empty, List.of());
		return assigned;
	}

	private String learner(String classId) {
		String id = UUID.randomUUID().toString();
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", id).append("classId", classId)
				.append("pseudonym", "Learner " + id)
				.append("band", "AGES_11_13")
				.append("tokenHash", UUID.randomUUID().toString())
				.append("resumeHash", null)
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
		return id;
	}

	private void progress(String learnerId, String classId, String moduleId, boolean completed, Integer bestScore) {
		this.mongo.getCollection("progress")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", moduleId)
				.append("band", "AGES_11_13")
				.append("stepReached", 2)
				.append("stepsTotal", 4)
				.append("startedAt", new Date())
				.append("completedAt", completed ? new Date() : null)
				.append("bestScore", bestScore)
				.append("attempts", completed ? 1 : 0)
				.append("updatedAt", new Date()));
	}

}
