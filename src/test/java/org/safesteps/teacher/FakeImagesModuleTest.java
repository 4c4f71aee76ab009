package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.support.Http;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The fake-images module: listed for ages 8-10, 11-13 and 14-17, and assigned only once its notes are confirmed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FakeImagesModuleTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Test
	void theModuleIsOfferedToTheThreeOlderBandsOnly() {
		Http child = new Http(this.port);
		for (String band : new String[] { "ages-8-10", "ages-11-13", "ages-14-17" }) {
			assertThat(child.get("/explore/" + band).body()).as(band).contains("Fake and AI-made pictures");
		}
		assertThat(child.get("/explore/ages-5-7").body()).doesNotContain("Fake and AI-made pictures");
	}

	@Test
	void aTeacherConfirmsTheNotesBeforeTheModuleIsAssigned() {
		Account teacher = Teachers.create(this.accounts, "Grace");
		Browserless browser = Teachers.signIn(this.port, teacher);
		String home = browser.get("/teacher").body();
		String classPath = browser.post("/teacher/classes", home, Map.of("name", "Year 7", "band", "AGES_11_13"))
			.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		SchoolClass schoolClass = this.classes.taughtBy(teacher.id()).get(0);
		String page = browser.get(classPath).body();
		assertThat(page).contains("Fake and AI-made pictures");

		HttpResponse<String> confirm = browser.post(classPath + "/assignments", page,
				Map.of("moduleId", "fake-images", "dueOn", ""));
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("Before you assign", "I have read this: assign the module",
				"Never look at or ask to see an image");
		assertThat(this.assignments.forClass(schoolClass.id())).isEmpty();

		browser.post(classPath + "/assignments", confirm.body(),
				Map.of("moduleId", "fake-images", "dueOn", "", "confirmed", "true"));
		assertThat(this.assignments.forClass(schoolClass.id())).extracting(Assignment::moduleId)
			.containsExactly("fake-images");
	}

}
