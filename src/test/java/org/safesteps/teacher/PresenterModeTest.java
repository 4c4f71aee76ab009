package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Module;
import org.safesteps.content.Step;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Presenter mode: the board and the presenter notes of every module in every band, as a browser without JavaScript. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PresenterModeTest {

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
	void everyModuleAndBandPresentsEachStepThenTheHelpSlideWithNotesBesideIt() {
		Browserless browser = Teachers.signIn(this.port, Teachers.create(this.accounts, "Presenter"));
		List<String> problems = new ArrayList<>();
		for (Module module : this.curriculum.modules()) {
			for (Band band : module.bands()) {
				Lesson lesson = module.lesson(band).orElseThrow();
				String base = "/teacher/modules/" + module.id() + "/" + band.id() + "/present";
				int total = lesson.steps().size();
				for (int number = 1; number <= total; number++) {
					Step step = lesson.steps().get(number - 1);
					String board = ok(browser, base + "?step=" + number + "&country=GB", problems);
					String notes = ok(browser, base + "/notes?step=" + number + "&country=GB", problems);
					expect(board, problems, base + " step " + number, "theme-" + band.id(), "board",
							"Step " + number + " of " + total, HtmlUtils.htmlEscape(step.title()));
					expect(notes, problems, base + "/notes step " + number, "theme-teachers",
							"Step " + number + " of " + total, HtmlUtils.htmlEscape(step.title()),
							"If a child tells you something worrying");
					if (board.contains("quick-exit") || board.contains("help-bar")) {
						problems.add(base + " step " + number + ": the board shows the quick exit or help bar");
					}
					if (step.body().toString().contains("callout-talk") && !notes.contains("Ask the class")) {
						problems.add(base + "/notes step " + number + ": the step's talk prompt is missing");
					}
					if (number < total && !notes.contains(HtmlUtils.htmlEscape("Next step: " + lesson.steps().get(number).title()))) {
						problems.add(base + "/notes step " + number + ": no next step title");
					}
				}
				expect(browser.get(base + "/notes?step=1").body(), problems, base + "/notes step 1", "Objectives",
						"Ground rules", "What to say");
				expect(browser.get(base + "/notes?step=" + total).body(), problems, base + "/notes last step",
						"Discussion questions");
				String help = ok(browser, base + "?step=" + (total + 1) + "&country=GB", problems);
				expect(help, problems, base + " help slide", "Where to get help", "Childline", "999");
				assertThat(browser.get(base + "?step=" + (total + 2)).statusCode()).isEqualTo(404);
				assertThat(browser.get(base + "?step=0").statusCode()).isEqualTo(404);
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void clickerFreeLinksMoveBetweenStepsAndKeepTheCountry() {
		Browserless browser = Teachers.signIn(this.port, Teachers.create(this.accounts, "Linker"));
		String board = browser.get("/teacher/modules/online-friends/ages-8-10/present?step=2&country=US").body();
		assertThat(board).contains("href=\"/teacher/modules/online-friends/ages-8-10/present?step=1&amp;country=US\"",
				"href=\"/teacher/modules/online-friends/ages-8-10/present?step=3&amp;country=US\"",
				"href=\"/teacher/modules/online-friends/ages-8-10/present/notes?step=2&amp;country=US\"",
				"data-present-channel=\"module:online-friends:ages-8-10\"", "data-present-step=\"2\"");
		assertThat(board).doesNotContain("<script>", "style=\"");
		assertThat(browser.get("/teacher/modules/online-friends/ages-8-10/present?step=x").statusCode()).isEqualTo(400);
		assertThat(browser.get("/teacher/modules/no-such/ages-8-10/present").statusCode()).isEqualTo(404);
		assertThat(browser.get("/teacher/modules/sextortion/ages-5-7/present").statusCode()).isEqualTo(404);
	}

	@Test
	void presentingToAClassWithLearnersShowsNoLearnerData() {
		Account teacher = Teachers.create(this.accounts, "Projector");
		SchoolClass schoolClass = this.classes.create("Year 7 present", Band.AGES_11_13, teacher.id());
		this.assignments.assign(schoolClass.id(), "online-friends", null, 0);
		String learner = Teachers.learner(this.mongo, schoolClass.id(), "Secret Otter");
		Teachers.progress(this.mongo, learner, schoolClass.id(), "online-friends", true, 87);
		Browserless browser = Teachers.signIn(this.port, teacher);
		assertThat(browser.get("/teacher/classes/" + schoolClass.id()).body()).as("the class page does show it")
			.contains("Secret Otter");
		String base = "/teacher/classes/" + schoolClass.id() + "/present/online-friends";
		int slides = this.curriculum.module("online-friends").orElseThrow().lesson(Band.AGES_11_13).orElseThrow().steps().size() + 1;
		for (int step = 1; step <= slides; step++) {
			for (String path : List.of(base + "?step=" + step, base + "/notes?step=" + step)) {
				HttpResponse<String> page = browser.get(path);
				assertThat(page.statusCode()).as(path).isEqualTo(200);
				assertThat(page.body()).as(path).doesNotContain("Secret Otter", "87%", "best 87", "Learners");
			}
		}
		Browserless stranger = Teachers.signIn(this.port, Teachers.create(this.accounts, "Stranger"));
		assertThat(stranger.get(base).statusCode()).isEqualTo(404);
	}

	private static String ok(Browserless browser, String path, List<String> problems) {
		HttpResponse<String> response = browser.get(path);
		if (response.statusCode() != 200) {
			problems.add(path + ": status " + response.statusCode());
		}
		return response.body();
	}

	private static void expect(String body, List<String> problems, String where, String... texts) {
		for (String text : texts) {
			if (!body.contains(text)) {
				problems.add(where + ": missing " + text);
			}
		}
	}

}
