package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassEvents;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;
import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open and change what under /teacher: owner, co-teacher, another teacher, nobody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeacherSecurityTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ClassEventRecorder recorder;

	Account owner;

	Account coTeacher;

	Account stranger;

	SchoolClass schoolClass;

	String learnerId;

	@BeforeEach
	void aClassWithAnOwnerACoTeacherAndALearner() {
		this.owner = Teachers.create(this.accounts, "Owner");
		this.coTeacher = Teachers.create(this.accounts, "Co");
		this.stranger = Teachers.create(this.accounts, "Stranger");
		this.schoolClass = this.classes.create("Year 7 blue", Band.AGES_11_13, this.owner.id());
		this.classes.addTeacher(this.schoolClass.id(), this.coTeacher.id());
		this.assignments.assign(this.schoolClass.id(), "online-friends", null, 0);
		this.assignments.assign(this.schoolClass.id(), "sextortion", null, 1);
		this.learnerId = Teachers.learner(this.mongo, this.schoolClass.id(), "Brave Otter");
		this.recorder.events.clear();
	}

	List<String> pages() {
		String c = "/teacher/classes/" + this.schoolClass.id();
		return List.of(c, c + "/report.csv", c + "/letter", c + "/poster", c + "/learner?pseudonym=Brave%20Otter",
				c + "/questions/sextortion");
	}

	Map<String, Map<String, String>> actions() {
		String c = "/teacher/classes/" + this.schoolClass.id();
		return Map.of(c + "/code", Map.of(), c + "/joining", Map.of("open", "false"), c + "/teachers",
				Map.of("email", this.stranger.email()), c + "/teachers/" + this.coTeacher.id() + "/remove", Map.of(),
				c + "/assignments", Map.of("moduleId", "passwords-and-privacy", "dueOn", ""),
				c + "/assignments/online-friends/remove", Map.of(), c + "/assignments/sextortion/move",
				Map.of("direction", "up"), c + "/learners/remove", Map.of("pseudonym", "Brave Otter"), c + "/delete",
				Map.of());
	}

	@Test
	void everyTeacherPageWhenAnonymousThenRedirectsToSignIn() {
		Http http = new Http(this.port);
		List<String> all = new java.util.ArrayList<>(pages());
		all.addAll(List.of("/teacher", "/teacher/modules", "/teacher/modules/sextortion/ages-11-13", "/admin/teachers"));
		for (String page : all) {
			HttpResponse<String> response = http.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
		}
		Browserless anonymous = new Browserless(this.port);
		String withToken = anonymous.get("/login").body();
		for (String action : actions().keySet()) {
			HttpResponse<String> response = anonymous.post(action, withToken, actions().get(action));
			assertThat(response.statusCode()).as(action).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(action).endsWith("/login");
		}
		assertThat(this.classes.findById(this.schoolClass.id())).isPresent();
	}

	@Test
	void anotherTeachersClassWhenGuessedThenNotFoundForEveryPageAndAction() {
		Browserless browser = Teachers.signIn(this.port, this.stranger);
		for (String page : pages()) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(404);
			assertThat(response.body()).as(page).doesNotContain("Year 7 blue", "Brave Otter");
		}
		String withToken = browser.get("/teacher").body();
		for (String action : actions().keySet()) {
			assertThat(browser.post(action, withToken, actions().get(action)).statusCode()).as(action).isEqualTo(404);
		}
		SchoolClass unchanged = this.classes.findById(this.schoolClass.id()).orElseThrow();
		assertThat(unchanged.joinCode()).isEqualTo(this.schoolClass.joinCode());
		assertThat(unchanged.open()).isTrue();
		assertThat(unchanged.teacherIds()).containsExactly(this.owner.id(), this.coTeacher.id());
		assertThat(this.assignments.forClass(this.schoolClass.id())).hasSize(2);
		assertThat(this.recorder.events).isEmpty();
		assertThat(browser.get("/teacher").body()).doesNotContain(this.schoolClass.id());
	}

	@Test
	void coTeacherWhenOpeningTheClassThenSeesAndManagesItButCannotDeleteIt() {
		Browserless browser = Teachers.signIn(this.port, this.coTeacher);
		assertThat(browser.get("/teacher").body()).contains(this.schoolClass.id());
		for (String page : pages()) {
			assertThat(browser.get(page).statusCode()).as(page).isEqualTo(200);
		}
		String c = "/teacher/classes/" + this.schoolClass.id();
		String page = browser.get(c).body();
		assertThat(page).contains(this.schoolClass.code().display(), "Brave Otter").doesNotContain("Delete class");

		assertThat(browser.post(c + "/code", page, Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.classes.findById(this.schoolClass.id()).orElseThrow().joinCode())
			.isNotEqualTo(this.schoolClass.joinCode());
		assertThat(browser.post(c + "/delete", page, Map.of()).statusCode()).isEqualTo(403);
		assertThat(browser.post(c + "/teachers/" + this.owner.id() + "/remove", page, Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(this.classes.findById(this.schoolClass.id())).isPresent();
		assertThat(this.recorder.events).isEmpty();
	}

	@Test
	void ownerWhenRemovingALearnerOrDeletingTheClassThenTheEventsArePublished() {
		Browserless browser = Teachers.signIn(this.port, this.owner);
		String c = "/teacher/classes/" + this.schoolClass.id();
		String drillDown = browser.get(c + "/learner?pseudonym=Brave%20Otter").body();
		assertThat(drillDown).contains("Brave Otter", "Remove Brave Otter from the class");

		assertThat(browser.post(c + "/learners/remove", drillDown, Map.of("pseudonym", "Brave Otter")).statusCode())
			.isEqualTo(302);
		assertThat(this.recorder.events)
			.containsExactly(new ClassEvents.LearnerRemoved(this.schoolClass.id(), this.learnerId));

		String page = browser.get(c).body();
		assertThat(page).contains("Delete class");
		HttpResponse<String> deleted = browser.post(c + "/delete", page, Map.of());
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
		assertThat(this.classes.findById(this.schoolClass.id())).isEmpty();
		assertThat(this.assignments.forClass(this.schoolClass.id())).isEmpty();
		assertThat(this.recorder.events).endsWith(new ClassEvents.ClassDeleted(this.schoolClass.id()));
		assertThat(browser.get(c).statusCode()).isEqualTo(404);
	}

	@Test
	void formsWithoutACsrfTokenWhenSignedInThenForbidden() {
		Browserless browser = Teachers.signIn(this.port, this.owner);
		for (String action : actions().keySet()) {
			assertThat(browser.postRaw(action, actions().get(action)).statusCode()).as(action).isEqualTo(403);
		}
		assertThat(browser.postRaw("/teacher/classes", Map.of("name", "Sneaky", "band", "AGES_8_10")).statusCode())
			.isEqualTo(403);
		assertThat(this.classes.findById(this.schoolClass.id())).isPresent();
	}

}
