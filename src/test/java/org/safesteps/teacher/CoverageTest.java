package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Curriculum coverage of a class and of the school, as pages and CSV, with figures hidden below 5 learners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageTest {

	private static final String SIGNS = "I can describe some signs of harmful online situations e.g. sexual harassment, grooming, cyberbullying.";

	private static final String CONTROL_DATA = "I can identify choices and demonstrate strategies to control the personal data online services hold.";

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
	void theClassPageListsTheStatementsItsModulesCoverWithTheirCompletion() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass red = classWithLearners(ada, "Red", 6, 3);
		Browserless teacher = Teachers.signIn(this.port, ada);

		assertThat(teacher.get("/teacher/classes/" + red.id()).body())
			.contains("href=\"/teacher/classes/" + red.id() + "/coverage\"");
		HttpResponse<String> page = teacher.get("/teacher/classes/" + red.id() + "/coverage");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Curriculum coverage: " + red.name(), "Ages 11-13, 6 learners.",
				"Education for a Connected World", "<caption>Online relationships</caption>", SIGNS,
				"When someone threatens to share a picture</span>:", "3 of 6 completed (50%)",
				"Statements are paraphrased, not quoted", "Checked against its source on 2026-12-05.",
				"class=\"no-print hint\"", "href=\"/teacher/classes/" + red.id() + "/coverage.csv\"");
		assertThat(row(page.body(), CONTROL_DATA)).contains("Not covered by an assigned or taught module");
		assertThat(page.body()).as("figures only").doesNotContain("Learner 1");
	}

	@Test
	void theClassCsvHasARowPerStatementAndCoveringModule() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass red = classWithLearners(ada, "Red", 6, 3);

		HttpResponse<String> csv = Teachers.signIn(this.port, ada).get("/teacher/classes/" + red.id() + "/coverage.csv");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFFramework,Strand,Statement id,Statement,Module,Completed,Taught to the class on\r\n")
			.contains("Education for a Connected World,Online relationships,efacw-or-11-14-signs,\"" + SIGNS
					+ "\",When someone threatens to share a picture,3 of 6 completed (50%),\r\n")
			.contains("efacw-ps-11-14-control-data," + CONTROL_DATA + ",,Not covered by an assigned or taught module,\r\n");
	}

	@Test
	void aClassOfFewerThanFiveLearnersShowsNoCompletionFigures() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass small = classWithLearners(ada, "Small", 4, 2);
		Browserless teacher = Teachers.signIn(this.port, ada);

		String page = teacher.get("/teacher/classes/" + small.id() + "/coverage").body();
		String csv = teacher.get("/teacher/classes/" + small.id() + "/coverage.csv").body();

		assertThat(page).contains("Ages 11-13, fewer than 5 learners.",
				"This class has fewer than 5 learners, so completion is not shown.",
				"When someone threatens to share a picture</span>:", "fewer than 5 learners")
			.doesNotContain("2 of 4", "4 learners");
		assertThat(csv).contains(",When someone threatens to share a picture,fewer than 5 learners,\r\n").doesNotContain("2 of 4");
	}

	@Test
	void anotherTeachersClassIsNotFound() {
		SchoolClass red = classWithLearners(Teachers.create(this.accounts, "Ada"), "Red", 6, 3);
		Browserless other = Teachers.signIn(this.port, Teachers.create(this.accounts, "Other"));

		assertThat(other.get("/teacher/classes/" + red.id() + "/coverage").statusCode()).isEqualTo(404);
		assertThat(other.get("/teacher/classes/" + red.id() + "/coverage.csv").statusCode()).isEqualTo(404);
	}

	@Test
	void theSchoolViewCountsClassesAndLearnersPerBandAndStatement() {
		Account ada = Teachers.create(this.accounts, "Ada");
		classWithLearners(ada, "Red", 6, 3);
		Account head = this.accounts.create("head-" + UUID.randomUUID() + "@school.example", "Head", Teachers.PASSWORD, true);
		Browserless admin = Teachers.signIn(this.port, head);

		assertThat(admin.get("/admin/school").body()).contains("href=\"/admin/school/coverage\"");
		HttpResponse<String> page = admin.get("/admin/school/coverage");
		HttpResponse<String> csv = admin.get("/admin/school/coverage.csv");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Curriculum coverage across the school", "<h2 id=\"band-ages-11-13\">Ages 11-13</h2>",
				"<caption>Education for a Connected World</caption>", SIGNS, "Sources", "class=\"no-print hint\"");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFAge band,Classes in the band,Learners in the band,Framework,Strand,")
			.containsPattern("Ages 11-13,\\d+,\\d+,Education for a Connected World,Online relationships,efacw-or-11-14-signs,");
		Browserless teacher = Teachers.signIn(this.port, ada);
		assertThat(teacher.get("/admin/school/coverage").statusCode()).isEqualTo(403);
		assertThat(teacher.get("/admin/school/coverage.csv").statusCode()).isEqualTo(403);
	}

	@Test
	void theModulePreviewShowsTheStatementsTheLessonCovers() {
		Browserless teacher = Teachers.signIn(this.port, Teachers.create(this.accounts, "Ada"));

		String page = teacher.get("/teacher/modules/sextortion/ages-11-13").body();

		assertThat(page).contains("Curriculum statements this lesson covers", SIGNS,
				"The 4 Cs of online risk (Keeping Children Safe in Education), Commerce: ");
	}

	/** A class of ages 11-13 with sextortion assigned, {@code learners} learners, {@code completed} of them done. */
	private SchoolClass classWithLearners(Account owner, String name, int learners, int completed) {
		SchoolClass schoolClass = this.classes.create(name + " " + UUID.randomUUID().toString().substring(0, 8),
				Band.AGES_11_13, owner.id());
		this.assignments.assign(schoolClass.id(), "sextortion", null, 0);
		for (int i = 1; i <= learners; i++) {
			String learner = Teachers.learner(this.mongo, schoolClass.id(), "Learner " + i);
			if (i <= completed) {
				Teachers.progress(this.mongo, learner, schoolClass.id(), "sextortion", true, 70);
			}
		}
		return schoolClass;
	}

	private static String row(String page, String text) {
		int start = page.indexOf(text);
		assertThat(start).as(text).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
