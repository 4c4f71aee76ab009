package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.ConfidenceCheck;
import org.safesteps.progress.ConfidenceStore;
import org.safesteps.progress.Owner;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did it work?": the before and after distributions and the shift, per class and for the school, hidden below 5 answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConfidenceResultsTest {

	private static final String WHAT_TO_DO = "I know what to do if someone threatens to share a picture.";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	ConfidenceStore confidence;

	@Test
	void aClassSeesTheDistributionsBeforeAndAfterAndTheShift() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass red = classWithSextortion(ada);
		// before: 2 not sure, 2 a bit sure, 1 quite sure; after: 1 a bit sure, 2 quite sure, 2 very sure
		int[] before = { 1, 1, 2, 2, 3 };
		int[] after = { 2, 3, 3, 4, 4 };
		for (int i = 0; i < 5; i++) {
			Owner learner = new Owner(UUID.randomUUID().toString(), red.id(), Band.AGES_11_13);
			this.confidence.save(learner, "sextortion", ConfidenceStore.Phase.BEFORE, Map.of("what-to-do", before[i]), false);
			this.confidence.save(learner, "sextortion", ConfidenceStore.Phase.AFTER, Map.of("what-to-do", after[i]), false);
		}
		this.confidence.save(new Owner(UUID.randomUUID().toString(), red.id(), Band.AGES_11_13), "sextortion",
				ConfidenceStore.Phase.BEFORE, Map.of(), true);
		Browserless teacher = Teachers.signIn(this.port, ada);

		assertThat(teacher.get("/teacher/classes/" + red.id()).body())
			.contains("href=\"/teacher/classes/" + red.id() + "/confidence\"");
		HttpResponse<String> page = teacher.get("/teacher/classes/" + red.id() + "/confidence");

		assertThat(page.statusCode()).isEqualTo(200);
		String row = row(page.body(), WHAT_TO_DO);
		assertThat(row).contains("5 answers", "Not sure: 40%", "A bit sure: 40%", "Quite sure: 20%", "Very sure: 0%",
				"Not sure: 0%", "A bit sure: 20%", "Quite sure: 40%", "Very sure: 40%", "60 percentage points");
		assertThat(row(page.body(), "I know where to report a threat to share a picture.")).contains("fewer than 5 answers")
			.doesNotContain("percentage points");
		assertThat(page.body()).contains("class=\"no-print hint\"");

		String csv = teacher.get("/teacher/classes/" + red.id() + "/confidence.csv").body();
		assertThat(csv).startsWith("\uFEFFAge band,Module,Classes,Statement,Before the lesson: answers,Before the lesson: Not sure,")
			.contains("Ages 11-13,When someone threatens to share a picture,1," + WHAT_TO_DO + ",5,2,2,1,0,5,0,1,2,2,60\r\n")
			.contains("I know where to report a threat to share a picture.,fewer than 5 answers,fewer than 5 answers,");
	}

	@Test
	void fewerThanFiveAnswersShowNoFigures() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass red = classWithSextortion(ada);
		for (int i = 0; i < 4; i++) {
			Owner learner = new Owner(UUID.randomUUID().toString(), red.id(), Band.AGES_11_13);
			this.confidence.save(learner, "sextortion", ConfidenceStore.Phase.BEFORE, Map.of("what-to-do", 1), false);
			this.confidence.save(learner, "sextortion", ConfidenceStore.Phase.AFTER, Map.of("what-to-do", 4), false);
		}
		Browserless teacher = Teachers.signIn(this.port, ada);

		String row = row(teacher.get("/teacher/classes/" + red.id() + "/confidence").body(), WHAT_TO_DO);
		String csv = teacher.get("/teacher/classes/" + red.id() + "/confidence.csv").body();

		assertThat(row).contains("fewer than 5 answers").doesNotContain("4 answers", "100%", "percentage points");
		assertThat(csv).doesNotContain(",4,").contains(WHAT_TO_DO + ",fewer than 5 answers,");
	}

	@Test
	void theSchoolViewAddsUpTheClassesOfABand() {
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass red = classWithSextortion(ada);
		SchoolClass blue = classWithSextortion(ada);
		for (SchoolClass schoolClass : List.of(red, blue)) {
			for (int i = 0; i < 3; i++) {
				this.confidence.save(new Owner(UUID.randomUUID().toString(), schoolClass.id(), Band.AGES_11_13), "sextortion",
						ConfidenceStore.Phase.BEFORE, Map.of("what-to-do", 2), false);
			}
		}
		Account head = this.accounts.create("head-" + UUID.randomUUID() + "@school.example", "Head", Teachers.PASSWORD, true);
		Browserless admin = Teachers.signIn(this.port, head);

		assertThat(admin.get("/admin/school").body()).contains("href=\"/admin/school/confidence\"");
		HttpResponse<String> page = admin.get("/admin/school/confidence");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Did it work? Confidence across the school", "When someone threatens to share a picture, Ages 11-13");
		assertThat(admin.get("/admin/school/confidence.csv").body()).containsPattern(
				"Ages 11-13,When someone threatens to share a picture,\\d+," + WHAT_TO_DO.replace(".", "\\.") + ",\\d+,");
		Browserless teacher = Teachers.signIn(this.port, ada);
		assertThat(teacher.get("/admin/school/confidence").statusCode()).isEqualTo(403);
		assertThat(Teachers.signIn(this.port, Teachers.create(this.accounts, "Other"))
			.get("/teacher/classes/" + red.id() + "/confidence").statusCode()).isEqualTo(404);
	}

	@Test
	void theShiftIsTheChangeInQuiteOrVerySure() {
		ConfidenceCheck check = new ConfidenceCheck(List.of(new ConfidenceCheck.Statement("s", "Sentence")));
		List<ConfidenceStore.Answers> answers = List.of(
				new ConfidenceStore.Answers(ConfidenceStore.Phase.BEFORE, false, Map.of("s", 4)),
				new ConfidenceStore.Answers(ConfidenceStore.Phase.BEFORE, false, Map.of("s", 1)),
				new ConfidenceStore.Answers(ConfidenceStore.Phase.BEFORE, true, Map.of()),
				new ConfidenceStore.Answers(ConfidenceStore.Phase.AFTER, false, Map.of("s", 3)),
				new ConfidenceStore.Answers(ConfidenceStore.Phase.AFTER, false, Map.of("other", 3)));

		ConfidenceReport.StatementFigures figures = ConfidenceReport.of("m", "Module", Band.AGES_8_10, 1, check, answers)
			.statements().get(0);

		assertThat(figures.before().counts()).containsExactly(1, 0, 0, 1);
		assertThat(figures.after().counts()).containsExactly(0, 0, 1, 0);
		assertThat(figures.before().surePercent()).isEqualTo(50);
		assertThat(figures.shift()).isEqualTo(50);
		assertThat(figures.shiftShown()).as("2 and 1 answers: below the floor").isFalse();
	}

	private SchoolClass classWithSextortion(Account owner) {
		SchoolClass schoolClass = this.classes.create("Red " + UUID.randomUUID().toString().substring(0, 8), Band.AGES_11_13,
				owner.id());
		this.assignments.assign(schoolClass.id(), "sextortion", null, 0);
		return schoolClass;
	}

	private static String row(String page, String text) {
		int start = page.indexOf(text);
		assertThat(start).as(text).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
