package org.safesteps.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What teachers type (a class name, a display name) is shown as text everywhere: escaped in every
 * HTML page, printed page and attribute, and neutralised in the CSV export so a spreadsheet never
 * runs it as a formula.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutputEncodingTest {

	static final String CLASS_NAME = "=HYPERLINK(\"http://e.x\",\"x\")<script>alert(1)</script>\" onclick=\"alert(2)";

	static final String TEACHER_NAME = "@SUM(1+1)<script>alert(3)</script>\" onclick=\"alert(4)";

	static final String PASSWORD = "long enough encoding passphrase";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	@Test
	void typedNamesAreEscapedInEveryPageAndNeutralisedInTheCsv() {
		Account teacher = this.accounts.create("enc-" + UUID.randomUUID() + "@school.example", TEACHER_NAME, PASSWORD,
				true);
		Account colleague = this.accounts.create("enc-co-" + UUID.randomUUID() + "@school.example", TEACHER_NAME,
				PASSWORD, false);
		Browserless browser = new Browserless(this.port).signIn(teacher.email(), PASSWORD);

		HttpResponse<String> created = browser.post("/teacher/classes",
				List.of(Map.entry("name", CLASS_NAME), Map.entry("band", "AGES_11_13")));
		assertThat(created.statusCode()).isEqualTo(302);
		String classId = created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/teacher/classes/", "");
		this.classes.addTeacher(classId, colleague.id());
		String moduleId = this.curriculum.modulesFor(Band.AGES_11_13).get(0).id();
		this.assignments.assign(classId, moduleId, null, 0);
		World.learner(this.mongo, classId, "Otter " + UUID.randomUUID().toString().substring(0, 6));

		for (String page : List.of("/teacher", "/teacher/classes/" + classId, "/teacher/classes/" + classId + "/letter",
				"/teacher/classes/" + classId + "/poster", "/admin/teachers")) {
			HttpResponse<String> response = browser.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page)
				.doesNotContain("<script>alert")
				.doesNotContain("\" onclick=\"alert")
				.doesNotContainIgnoringCase("<a href=\"http://e.x");
		}
		assertThat(browser.get("/teacher/classes/" + classId).body()).as("the class page shows both, escaped")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(3)&lt;/script&gt;");
		assertThat(browser.get("/admin/teachers").body()).contains("&lt;script&gt;alert(3)&lt;/script&gt;");

		HttpResponse<String> csv = browser.get("/teacher/classes/" + classId + "/report.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		for (String line : csv.body().replace("\uFEFF", "").split("\r?\n")) {
			for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
				String value = cell.startsWith("\"") ? cell.substring(1) : cell;
				assertThat(value).as("a CSV cell").doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
					.doesNotStartWith("-");
			}
		}
		assertThat(csv.body()).contains("'=HYPERLINK(");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).doesNotContain("\r", "\n");
	}

}
