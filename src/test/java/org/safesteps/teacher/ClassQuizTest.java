package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Question;
import org.safesteps.progress.ClassTeaching;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** "Quiz with the class": the board, the reveal, the tally of hands (validation, floor of 5, who may) and "taught". */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassQuizTest {

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
	ClassTeaching teaching;

	@Test
	void theBoardLettersTheOptionsAndRevealsTheAnswerWithEveryFeedbackOnlyWhenAsked() {
		Fixture fixture = fixture();
		Question first = question(0);
		BoardQuestion board = BoardQuestion.of("online-friends", Band.AGES_11_13, first);
		String asked = fixture.teacher.get(fixture.quiz + "?q=1").body();
		assertThat(asked).contains("theme-ages-11-13", "Question 1 of 7", first.text(), "Show the answer")
			.doesNotContain("Right answer", "quick-exit", "help-bar");
		for (BoardQuestion.Lettered option : board.options()) {
			assertThat(asked).contains(">" + option.letter() + "<");
			assertThat(asked).doesNotContain(option.option().feedback().substring(0, 20));
		}
		String revealed = fixture.teacher.get(fixture.quiz + "?q=1&reveal=true").body();
		assertThat(revealed).contains("Right answer", "Next question", "Record the class");
		first.options().forEach((option) -> assertThat(revealed).contains(option.feedback().substring(0, 20)));
		assertThat(fixture.teacher.get(fixture.quiz + "?q=8").statusCode()).isEqualTo(404);
		assertThat(fixture.teacher.get(fixture.quiz + "?q=two").statusCode()).isEqualTo(400);
		assertThat(fixture.teacher.get("/teacher/classes/" + fixture.schoolClass.id() + "/class-quiz/no-such").statusCode())
			.isEqualTo(404);
	}

	@Test
	void aTallyMustBeWholeNumbersNoMoreThanTheChildrenPresent() {
		Fixture fixture = fixture();
		String page = fixture.teacher.get(fixture.quiz + "?q=1&reveal=true").body();
		String tally = fixture.quiz + "/tally?q=1";
		assertThat(error(fixture, page, tally, Map.of("present", "", "count-A", "1"))).contains("Enter how many children");
		assertThat(error(fixture, page, tally, Map.of("present", "0", "count-A", "0"))).contains("Enter how many children");
		assertThat(error(fixture, page, tally, Map.of("present", "20", "count-A", "-1"))).contains("Enter a whole number");
		assertThat(error(fixture, page, tally, Map.of("present", "20", "count-B", "2.5"))).contains("Enter a whole number");
		assertThat(error(fixture, page, tally, Map.of("present", "20", "count-C", "three"))).contains("Enter a whole number");
		assertThat(error(fixture, page, tally, Map.of("present", "10", "count-A", "6", "count-B", "5")))
			.contains("The counts add up to 11, more than the 10 children in the lesson.");
		assertThat(this.teaching.tallies(fixture.schoolClass.id(), "online-friends")).isEmpty();

		HttpResponse<String> saved = fixture.teacher.post(tally, page, Map.of("present", "12", "count-A", "4", "count-B", "4",
				"count-C", "4"));
		assertThat(saved.statusCode()).isEqualTo(302);
		ClassTeaching.Tally kept = this.teaching.tallies(fixture.schoolClass.id(), "online-friends")
			.get(question(0).id());
		assertThat(kept.present()).isEqualTo(12);
		assertThat(kept.total()).isEqualTo(12);
		assertThat(kept.correct()).isEqualTo(4);
		assertThat(fixture.teacher.get(fixture.quiz + "?q=1&reveal=true").body())
			.contains("Recorded: 4 of 12 children chose the right answer.", "value=\"12\"");

		String multiple = fixture.teacher.get(fixture.quiz + "?q=2&reveal=true").body();
		assertThat(multiple).contains("This question has no tally");
		assertThat(fixture.teacher.post(fixture.quiz + "/tally?q=2", page, Map.of("present", "5")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void aTallyFromFewerThanFiveChildrenIsKeptButNeitherShownNorCountedInWhatToRevisit() {
		Fixture fixture = fixture();
		String page = fixture.teacher.get(fixture.quiz + "?q=1&reveal=true").body();
		BoardQuestion board = BoardQuestion.of("online-friends", Band.AGES_11_13, question(0));
		String wrong = board.options().stream().filter((o) -> !o.option().correct()).findFirst().orElseThrow().letter();
		fixture.teacher.post(fixture.quiz + "/tally?q=1", page, Map.of("present", "4", "count-" + wrong, "4"));
		assertThat(fixture.teacher.get(fixture.quiz + "?q=1&reveal=true").body())
			.contains("Recorded from fewer than 5 learners").doesNotContain("Recorded: 0 of 4");
		String classPage = fixture.teacher.get("/teacher/classes/" + fixture.schoolClass.id()).body();
		assertThat(classPage).doesNotContain("<p class=\"question-text\">" + question(0).text());
		assertThat(classPage).contains("No learner has taken a quiz yet.");

		fixture.teacher.post(fixture.quiz + "/tally?q=1", page, Map.of("present", "9", "count-" + wrong, "7"));
		String revisit = fixture.teacher.get("/teacher/classes/" + fixture.schoolClass.id()).body();
		assertThat(revisit).contains("What to revisit", question(0).text());
		assertThat(fixture.teacher.get("/teacher/classes/" + fixture.schoolClass.id() + "/questions/online-friends").body())
			.contains(question(0).text(), "7 learners");
	}

	@Test
	void onlyTheClassesTeachersSeeItOrRecordATallyOrMarkItTaught() {
		Fixture fixture = fixture();
		Account colleague = Teachers.create(this.accounts, "Co");
		this.classes.addTeacher(fixture.schoolClass.id(), colleague.id());
		Browserless co = Teachers.signIn(this.port, colleague);
		Browserless stranger = Teachers.signIn(this.port, Teachers.create(this.accounts, "Stranger"));
		assertThat(co.get(fixture.quiz + "?q=1").statusCode()).isEqualTo(200);
		assertThat(stranger.get(fixture.quiz + "?q=1").statusCode()).isEqualTo(404);
		String strangerPage = stranger.get("/teacher").body();
		assertThat(stranger.post(fixture.quiz + "/tally?q=1", strangerPage, Map.of("present", "9", "count-A", "9"))
			.statusCode()).isEqualTo(404);
		assertThat(stranger.post("/teacher/classes/" + fixture.schoolClass.id() + "/taught/online-friends", strangerPage,
				Map.of()).statusCode()).isEqualTo(404);
		assertThat(this.teaching.tallies(fixture.schoolClass.id(), "online-friends")).isEmpty();
		assertThat(this.teaching.taught(fixture.schoolClass.id())).isEmpty();
		assertThat(new Browserless(this.port).get(fixture.quiz).statusCode()).isEqualTo(302);
		assertThat(co.post(fixture.quiz + "/tally?q=1", co.get(fixture.quiz + "?q=1&reveal=true").body(),
				Map.of("present", "9", "count-A", "9")).statusCode())
			.isEqualTo(302);
	}

	@Test
	void aModuleTaughtFromTheFrontShowsItsDayOnTheClassPageApartFromLearnersCompletions() {
		Fixture fixture = fixture();
		String classPath = "/teacher/classes/" + fixture.schoolClass.id();
		String page = fixture.teacher.get(classPath).body();
		assertThat(page).contains("Teach it from the front", "Not taught from the front yet", "Present to the class",
				"Quiz with the class", "Lesson pack");
		HttpResponse<String> marked = fixture.teacher.post(classPath + "/taught/online-friends", page, Map.of());
		assertThat(marked.statusCode()).isEqualTo(302);
		assertThat(fixture.teacher.get(classPath).body()).contains("Taught to the class on " + LocalDate.now(),
				"Marked as taught to the class.", "No learners have joined yet.");
		fixture.teacher.post(classPath + "/taught/online-friends", page, Map.of("on", "2026-11-30"));
		assertThat(fixture.teacher.get(classPath).body()).contains("Taught to the class on 2026-11-30");
		assertThat(fixture.teacher.post(classPath + "/taught/online-friends", page, Map.of("on", "yesterday")).statusCode())
			.isEqualTo(400);
		assertThat(fixture.teacher.post(classPath + "/taught/no-such-module", page, Map.of()).statusCode()).isEqualTo(404);
		assertThat(fixture.teacher.post(classPath + "/taught/online-friends", page,
				Map.of("on", LocalDate.now().plusDays(2).toString())).statusCode()).isEqualTo(400);
		assertThat(fixture.teacher.get(classPath).body()).contains("Taught to the class on 2026-11-30");
	}

	private String error(Fixture fixture, String page, String path, Map<String, String> fields) {
		HttpResponse<String> response = fixture.teacher.post(path, page, new LinkedHashMap<>(fields));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("There is a problem");
		return response.body().replace("&#39;", "'");
	}

	private Question question(int index) {
		return this.curriculum.module("online-friends").orElseThrow().quiz(Band.AGES_11_13).orElseThrow().questions().get(index);
	}

	private Fixture fixture() {
		Account teacher = Teachers.create(this.accounts, "Quizzer");
		SchoolClass schoolClass = this.classes.create("Year 7 quiz", Band.AGES_11_13, teacher.id());
		this.assignments.assign(schoolClass.id(), "online-friends", null, 0);
		return new Fixture(schoolClass, Teachers.signIn(this.port, teacher),
				"/teacher/classes/" + schoolClass.id() + "/class-quiz/online-friends");
	}

	private record Fixture(SchoolClass schoolClass, Browserless teacher, String quiz) {
	}

}
