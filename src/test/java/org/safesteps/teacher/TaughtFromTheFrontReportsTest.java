package org.safesteps.teacher;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class without devices: nobody joins, the teacher teaches a module from the front and marks it.
 * The mark reaches every report a school hands on: the class CSV, the class's coverage (page and
 * CSV), the school overview and the school's coverage, apart from learners' own completions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaughtFromTheFrontReportsTest {

	private static final String TITLE = "Online friends and warning signs";

	/** Covered by online-friends for ages 11-13 and not by sextortion, the module assigned below. */
	private static final String STATEMENT = "efacw-or-11-14-trust";

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
	void theClassCsvHasARowForTheWholeClassWithTheDayEachModuleWasTaught() throws Exception {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass blue = classWithoutDevices(ada);
		Browserless teacher = taughtOnTheThirtieth(ada, blue);

		String csv = teacher.get("/teacher/classes/" + blue.id() + "/report.csv").body();

		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
		assertThat(records.get(0).toList()).containsExactly("Class", "Learner",
				"When someone threatens to share a picture: progress", "When someone threatens to share a picture: best score",
				TITLE + ": progress", TITLE + ": best score");
		assertThat(records.get(1).toList()).as("the module taught without being assigned gets its column too")
			.containsExactly(blue.name(), "Taught to the whole class", "", "", "taught on 2026-11-30", "");
		assertThat(records).hasSize(2);
	}

	@Test
	void aClassCsvWithNothingTaughtFromTheFrontHasNoWholeClassRow() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass blue = classWithoutDevices(ada);

		String csv = Teachers.signIn(this.port, ada).get("/teacher/classes/" + blue.id() + "/report.csv").body();

		assertThat(csv).doesNotContain("Taught to the whole class");
	}

	@Test
	void theClassCoverageCountsTheTaughtModuleWithItsDay() throws Exception {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass blue = classWithoutDevices(ada);
		Browserless teacher = Teachers.signIn(this.port, ada);
		String before = teacher.get("/teacher/classes/" + blue.id() + "/coverage.csv").body();
		assertThat(recordFor(before, STATEMENT)).as("not covered before the lesson").contains("Not covered by an assigned or taught module");

		taughtOnTheThirtieth(ada, blue);
		String page = teacher.get("/teacher/classes/" + blue.id() + "/coverage").body();
		String csv = teacher.get("/teacher/classes/" + blue.id() + "/coverage.csv").body();

		assertThat(page).contains(TITLE + "</span>:", "taught to the class on 30 November 2026");
		assertThat(csv).startsWith("\uFEFFFramework,Strand,Statement id,Statement,Module,Completed,Taught to the class on\r\n");
		assertThat(recordFor(csv, STATEMENT)).containsSequence(TITLE, "fewer than 5 learners", "2026-11-30");
		assertThat(recordFor(csv, "efacw-or-11-14-take-action"))
			.as("the assigned module's row, not taught from the front, has no day")
			.containsSequence("When someone threatens to share a picture", "fewer than 5 learners", "");
	}

	@Test
	void theSchoolViewsShowWhatWasTaughtFromTheFront() throws Exception {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass blue = classWithoutDevices(ada);
		taughtOnTheThirtieth(ada, blue);
		Account head = this.accounts.create("head-" + UUID.randomUUID() + "@school.example", "Head", Teachers.PASSWORD, true);
		Browserless admin = Teachers.signIn(this.port, head);

		String overview = admin.get("/admin/school").body();
		String coverage = admin.get("/admin/school/coverage").body();
		String csv = admin.get("/admin/school/coverage.csv").body();

		assertThat(overview).contains("<h2 id=\"school-taught-heading\">Taught from the front</h2>", TITLE);
		String classRow = overview.substring(overview.indexOf(blue.name()), overview.indexOf("</tr>", overview.indexOf(blue.name())));
		assertThat(classRow).contains(TITLE + "</span>: <span>30 November 2026</span>");
		assertThat(coverage).contains("Of which taught from the front");
		List<String> header = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords().get(0).toList();
		assertThat(header).endsWith("Classes covering it", "Learners in those classes", "Classes taught it from the front");
		CSVRecord trust = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords().stream()
			.filter((record) -> record.get(0).equals("Ages 11-13") && record.get(5).equals(STATEMENT))
			.findFirst()
			.orElseThrow();
		assertThat(Integer.parseInt(trust.get(9))).as("classes taught it from the front").isPositive()
			.isLessThanOrEqualTo(Integer.parseInt(trust.get(7)));
	}

	/** Ages 11-13, sextortion assigned, nobody joined: the class learns from the board. */
	private SchoolClass classWithoutDevices(Account owner) {
		SchoolClass schoolClass = this.classes.create("Blue " + UUID.randomUUID().toString().substring(0, 8),
				Band.AGES_11_13, owner.id());
		this.assignments.assign(schoolClass.id(), "sextortion", null, 0);
		return schoolClass;
	}

	/** The teacher marks online friends (not assigned) as taught to the class on 30 November 2026. */
	private Browserless taughtOnTheThirtieth(Account teacher, SchoolClass schoolClass) {
		Browserless browser = Teachers.signIn(this.port, teacher);
		String classPath = "/teacher/classes/" + schoolClass.id();
		String page = browser.get(classPath).body();
		assertThat(browser.post(classPath + "/taught/online-friends", page, Map.of("on", "2026-11-30")).statusCode())
			.isEqualTo(302);
		return browser;
	}

	private static List<String> recordFor(String csv, String statementId) throws Exception {
		return CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords().stream()
			.filter((record) -> record.size() > 2 && record.get(2).equals(statementId))
			.map(CSVRecord::toList)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + statementId));
	}

}
