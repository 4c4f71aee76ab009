package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExploreTest {

	@LocalServerPort
	int port;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Test
	void assignedModulesComeFirstWithTheirDueDatesThenTheRestOfTheBand() {
		SchoolClass schoolClass = this.classes.create("Year 9", Band.AGES_14_17, "teacher-1");
		this.assignments.assign(schoolClass.id(), "sextortion", LocalDate.of(2027, 3, 5), 0);
		this.assignments.assign(schoolClass.id(), "helping-a-friend", null, 1);
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());

		String list = child.get("/learn").body();
		String sextortion = QuizTest.escaped(this.curriculum.module("sextortion").orElseThrow().title());
		String helping = QuizTest.escaped(this.curriculum.module("helping-a-friend").orElseThrow().title());
		String trusted = QuizTest.escaped(this.curriculum.module("trusted-adults").orElseThrow().title());
		assertThat(list).contains("From your teacher", "Due 5 March 2027", "Lessons finished: 0 of "
				+ this.curriculum.modulesFor(Band.AGES_14_17).size());
		assertThat(list.indexOf(sextortion)).isLessThan(list.indexOf(helping));
		assertThat(list.indexOf(helping)).isLessThan(list.indexOf(trusted));
	}

	@Test
	void lookingAtABandChangesNothingAndShowsItsModulesInItsTheme() {
		Browserless child = new Browserless(this.port);
		HttpResponse<String> explore = child.get("/explore");
		assertThat(explore.statusCode()).isEqualTo(200);
		assertThat(explore.body()).contains("/explore/ages-5-7", "/explore/ages-14-17", "/join");

		HttpResponse<String> band = child.get("/explore/ages-14-17");
		assertThat(band.statusCode()).isEqualTo(200);
		assertThat(band.body()).contains("theme-ages-14-17", "Lessons for Ages 14-17");
		this.curriculum.modulesFor(Band.AGES_14_17)
			.forEach((module) -> assertThat(band.body()).contains(QuizTest.escaped(module.title())));
		assertThat(child.cookie(LearnerCookie.NAME)).isNull();
		assertThat(child.get("/explore/ages-99").statusCode()).isEqualTo(404);
		assertThat(child.get("/learn").statusCode()).as("no learner yet").isEqualTo(302);
	}

	@Test
	void startingAModuleMakesASelfLearnerWhoReadsTheLessonStepByStep() {
		Browserless child = new Browserless(this.port);
		HttpResponse<String> band = child.get("/explore/ages-5-7");
		HttpResponse<String> started = child.post("/explore/ages-5-7", band.body(), Map.of("module", "trusted-adults"));
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/learn/trusted-adults");
		Document learner = this.mongo.getCollection("learners")
			.find(new Document("tokenHash", Secrets.sha256(child.cookie(LearnerCookie.NAME))))
			.first();
		assertThat(learner.get("classId")).isNull();
		assertThat(learner.getString("band")).isEqualTo("AGES_5_7");

		Lesson lesson = this.curriculum.module("trusted-adults").orElseThrow().lesson(Band.AGES_5_7).orElseThrow();
		int total = lesson.steps().size();
		HttpResponse<String> first = child.get("/learn/trusted-adults");
		assertThat(first.body()).contains("theme-ages-5-7", "Step 1 of " + total,
				"/learn/trusted-adults?step=2", QuizTest.escaped(lesson.steps().get(0).title()))
			.doesNotContain("rel=\"prev\"");
		HttpResponse<String> last = child.get("/learn/trusted-adults?step=" + total);
		assertThat(last.body()).contains("Step " + total + " of " + total, "/learn/trusted-adults/quiz",
				"Take the quiz", "rel=\"prev\"");
		assertThat(child.get("/learn/trusted-adults?step=" + (total + 1)).statusCode()).isEqualTo(404);
		assertThat(child.get("/learn/trusted-adults?step=abc").statusCode()).isEqualTo(404);
		assertThat(child.get("/learn/sextortion").statusCode()).as("not in this band").isEqualTo(404);

		HttpResponse<String> list = child.get("/learn");
		assertThat(list.body()).contains("Step " + total + " of " + total, "Not started", "Lessons finished: 0 of");

		HttpResponse<String> other = child.post("/explore/ages-11-13", band.body(), Map.of());
		assertThat(other.headers().firstValue("Location").orElseThrow()).endsWith("/learn");
		assertThat(child.get("/learn").body()).contains("theme-ages-11-13");
		assertThat(this.mongo.getCollection("learners")
			.countDocuments(new Document("_id", learner.get("_id")).append("band", "AGES_11_13"))).isEqualTo(1);
	}

}
