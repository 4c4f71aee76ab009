package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.learner.PictureCode;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A teacher runs a class through the forms, as a browser without JavaScript would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeacherClassPagesTest {

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

	@Test
	void teacherMakesAClassAssignsModulesAndReadsTheReport() {
		Account teacher = Teachers.create(this.accounts, "Ada");
		Browserless browser = Teachers.signIn(this.port, teacher);
		String home = browser.get("/teacher").body();

		HttpResponse<String> invalid = browser.post("/teacher/classes", home, Map.of("name", "", "band", ""));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("There is a problem");
		HttpResponse<String> made = browser.post("/teacher/classes", home,
				Map.of("name", "=Year 8, \"red\"", "band", "AGES_11_13"));
		String classPath = made.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		SchoolClass schoolClass = this.classes.taughtBy(teacher.id()).get(0);
		assertThat(classPath).isEqualTo("/teacher/classes/" + schoolClass.id());
		String page = browser.get(classPath).body();
		assertThat(page).contains(schoolClass.code().display(), "=Year 8, &quot;red&quot;");

		HttpResponse<String> confirm = browser.post(classPath + "/assignments", page,
				Map.of("moduleId", "sextortion", "dueOn", "2026-03-06"));
		assertThat(confirm.statusCode()).as("a sensitive module asks first").isEqualTo(200);
		assertThat(confirm.body()).contains("Before you assign", "I have read this: assign the module",
				"value=\"2026-03-06\"");
		assertThat(this.assignments.forClass(schoolClass.id())).isEmpty();
		browser.post(classPath + "/assignments", confirm.body(),
				Map.of("moduleId", "sextortion", "dueOn", "2026-03-06", "confirmed", "true"));
		browser.post(classPath + "/assignments", page, Map.of("moduleId", "online-friends", "dueOn", ""));
		assertThat(this.assignments.forClass(schoolClass.id())).extracting(Assignment::moduleId)
			.containsExactly("sextortion", "online-friends");
		assertThat(browser.post(classPath + "/assignments", page, Map.of("moduleId", "no-such-module")).body())
			.contains("Choose a module for this class");

		browser.post(classPath + "/assignments/online-friends/move", page, Map.of("direction", "up"));
		assertThat(this.assignments.forClass(schoolClass.id())).extracting(Assignment::moduleId)
			.containsExactly("online-friends", "sextortion");

		String otter = Teachers.learner(this.mongo, schoolClass.id(), "Brave Otter");
		String fox = Teachers.learner(this.mongo, schoolClass.id(), "=Calm Fox");
		Teachers.progress(this.mongo, otter, schoolClass.id(), "sextortion", true, 80);
		Teachers.progress(this.mongo, fox, schoolClass.id(), "sextortion", false, null);
		Teachers.attempt(this.mongo, otter, schoolClass.id(), "sextortion", 80,
				List.of(Teachers.answer("what-is-sextortion", false, "money-only"),
						Teachers.answer("warning-signs", true, "fast-friendly", "private-chat", "broken-camera")));

		String report = browser.get(classPath).body();
		assertThat(report).contains("Brave Otter", "best 80%", "Step 2 of 4", "Not started")
			.as("two learners: no share, percentage or statistic")
			.contains("What to revisit", "fewer than 5 learners", "Fewer than 5 learners have answered these questions")
			.doesNotContain("1 of 2", "0% right (0 of 1 learners)", "100% (1)", "No learner has taken a quiz yet.")
			.contains("Learners who took the quiz: 1", "Learners who took the quiz: 0", classPath + "/questions/sextortion",
					classPath + "/questions/online-friends");

		String questions = browser.get(classPath + "/questions/sextortion").body();
		assertThat(questions).contains("What to revisit: When someone threatens to share a picture",
				"What is sextortion?", "fewer than 5 learners", "Learners who took the quiz: 1")
			.doesNotContain("0% right", "100% right", "100% (1)", "Facility:", "<svg class=\"bar-chart\"");
		assertThat(browser.get(classPath + "/questions/online-friends").body())
			.contains("No learner has taken a quiz yet.");
		assertThat(browser.get(classPath + "/questions/no-such-module").statusCode()).isEqualTo(404);

		// four more learners: five answered, so the figures and the statistics appear
		for (int more = 0; more < 4; more++) {
			String learner = Teachers.learner(this.mongo, schoolClass.id(), "Learner " + more);
			boolean strong = more < 2;
			Teachers.attempt(this.mongo, learner, schoolClass.id(), "sextortion", strong ? 100 : 0,
					List.of(Teachers.answer("what-is-sextortion", strong, strong ? "threat" : "money-only"),
							Teachers.answer("warning-signs", strong, "fast-friendly")));
		}
		String five = browser.get(classPath + "/questions/sextortion").body();
		assertThat(five).contains("40% right (2 of 5 learners)", "Facility: 40% right on the first attempt",
				"Discrimination: ", "60% (3)", "<svg class=\"bar-chart\"")
			.doesNotContain("fewer than 5 learners");
		assertThat(browser.get(classPath).body()).contains("What is sextortion?", "40% right (2 of 5 learners)");

		HttpResponse<String> csv = browser.get(classPath + "/report.csv");
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(csv.body()).startsWith("\uFEFFClass,Learner,Online friends and warning signs: progress")
			.contains("\"'=Year 8, \"\"red\"\"\",Brave Otter,Not started,,Completed,80")
			.contains("'=Calm Fox");

		String drill = browser.get(classPath + "/learner?pseudonym=Brave%20Otter").body();
		assertThat(drill).contains("Brave Otter", "When someone threatens to share a picture: 80% (1 of 2 right)");
		assertThat(browser.get(classPath + "/learner?pseudonym=Nobody").statusCode()).isEqualTo(404);

		String letter = browser.get(classPath + "/letter").body();
		assertThat(letter).contains("What your child is learning", "Online friends and warning signs",
				"/parents/online-friends", "/parents/sextortion", "To be finished by 2026-03-06");
		String poster = browser.get(classPath + "/poster").body();
		assertThat(poster).contains(schoolClass.code().display(), "<svg class=\"qr-code\"", "/join")
			.as("older learners type letters").doesNotContain("poster-pictures", "/join/pictures");
	}

	@Test
	void posterOfTheYoungestBandShowsThePicturesAChildTapsInOrderWithTheirNames() {
		Account teacher = Teachers.create(this.accounts, "Reception");
		Browserless browser = Teachers.signIn(this.port, teacher);
		SchoolClass schoolClass = this.classes.create("Reception Robins", Band.AGES_5_7, teacher.id());

		String poster = browser.get("/teacher/classes/" + schoolClass.id() + "/poster").body();

		assertThat(poster).contains(schoolClass.code().display(), "<svg class=\"qr-code\"", "Or tap the pictures",
				"/join/pictures and tap these 6 pictures");
		List<PictureCode.Picture> pictures = PictureCode.of(schoolClass.code());
		int from = poster.indexOf("id=\"poster-pictures\"");
		assertThat(from).isPositive();
		for (int i = 0; i < pictures.size(); i++) {
			PictureCode.Picture picture = pictures.get(i);
			String item = "<span class=\"poster-picture-emoji\" aria-hidden=\"true\">" + picture.emoji()
					+ "</span>\n          <span class=\"poster-picture-name\">" + picture.name()
					+ "</span>\n          <span class=\"poster-picture-place\">Picture " + (i + 1) + " of 6</span>";
			int at = poster.indexOf(item, from);
			assertThat(at).as("picture %d (%s) in order", i + 1, picture.name()).isGreaterThan(from);
			from = at;
		}
	}

	@Test
	void previewShowsTheLessonAndTheQuizWithAnswersAndFeedbackForAnyBand() {
		Browserless browser = Teachers.signIn(this.port, Teachers.create(this.accounts, "Previewer"));
		String list = browser.get("/teacher/modules").body();
		assertThat(list).contains("/teacher/modules/online-friends/ages-5-7", "/teacher/modules/sextortion/ages-14-17");
		HttpResponse<String> preview = browser.get("/teacher/modules/sextortion/ages-11-13");
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("What is sextortion?", "Right answer",
				"Yes. It is a crime, and the person making the threats is always to blame.", "Teacher notes");
		assertThat(browser.get("/teacher/modules/sextortion/ages-5-7").statusCode()).isEqualTo(404);
		assertThat(browser.get("/teacher/modules/nothing/ages-8-10").statusCode()).isEqualTo(404);
		assertThat(browser.get("/teacher/modules/sextortion/adults").statusCode()).isEqualTo(404);
	}

}
