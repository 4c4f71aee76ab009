package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
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
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.progress.Owner;
import org.safesteps.progress.QuizSubmissions;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class page's report is rendered once and kept ({@link ClassReportSection}): a new attempt
 * still shows on the next view, the rest of the page (forms with this request's CSRF token, the
 * notice after an action) is this request's own, and each language gets its own report.
 * Templates are read from the jar, as in production (from a theme folder nothing is kept).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.themes.dir=target/no-themes-folder")
class ClassReportSectionTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	QuizSubmissions submissions;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	Account teacher;

	SchoolClass schoolClass;

	String classPath;

	List<String> learners;

	Browserless browser;

	@BeforeEach
	void aClassOfFiveWithSextortionAssigned() {
		this.teacher = Teachers.create(this.accounts, "Kept");
		this.schoolClass = this.classes.create("Year 9 kept", Band.AGES_11_13, this.teacher.id());
		this.classPath = "/teacher/classes/" + this.schoolClass.id();
		this.assignments.assign(this.schoolClass.id(), "sextortion", LocalDate.of(2026, 12, 20), 0);
		this.learners = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			this.learners.add(Teachers.learner(this.mongo, this.schoolClass.id(), "Learner " + i));
		}
		this.browser = Teachers.signIn(this.port, this.teacher);
	}

	@Test
	void aNewAttemptShowsOnTheNextViewOfTheKeptReport() {
		for (int i = 0; i < 4; i++) {
			submit(this.learners.get(i));
		}
		String four = report(this.browser.get(this.classPath).body());
		assertThat(four).contains("4 of 5", "Fewer than 5 learners have answered these questions")
			.doesNotContain("of 5 learners)");
		assertThat(report(this.browser.get(this.classPath).body())).as("nothing changed: the same report")
			.isEqualTo(four);

		submit(this.learners.get(4));

		String five = report(this.browser.get(this.classPath).body());
		assertThat(five).as("the fifth attempt, on the very next view").contains("5 of 5", "of 5 learners)")
			.doesNotContain("Fewer than 5 learners have answered these questions");
	}

	@Test
	void theFormsAndTheNoticeAreEachViewsOwn() {
		submit(this.learners.get(0));
		String first = this.browser.get(this.classPath).body();
		String second = this.browser.get(this.classPath).body();
		assertThat(report(second)).isEqualTo(report(first));
		assertThat(tokens(second)).as("the forms around the report carry this request's token").hasSizeGreaterThan(3);
		assertThat(report(second)).doesNotContain("_csrf", "<form");

		// the second page's token is accepted, and the notice and the new code show above the same report
		assertThat(this.browser.post(this.classPath + "/code", second, Map.of()).statusCode()).isEqualTo(302);
		String code = this.classes.findForTeacher(this.schoolClass.id(), this.teacher.id()).orElseThrow().code().display();
		assertThat(code).isNotEqualTo(this.schoolClass.code().display());
		String after = this.browser.get(this.classPath).body();
		assertThat(after).contains("The class has a new join code.", "id=\"join-code\">" + code + "<");
		assertThat(report(after)).isEqualTo(report(first));
		assertThat(this.browser.get(this.classPath).body()).as("a notice shows once")
			.doesNotContain("The class has a new join code.");
	}

	@Test
	void eachLanguageHasItsOwnReport() {
		submit(this.learners.get(0));
		assertThat(report(this.browser.get(this.classPath).body())).contains("Progress", "Completed", "Not started");

		String spanish = report(this.browser.get(this.classPath + "?lang=es").body());

		assertThat(spanish).contains("Progreso", "Terminado", "Sin empezar").doesNotContain("Completed", "Not started");
		assertThat(report(this.browser.get(this.classPath + "?lang=en").body())).contains("Completed")
			.doesNotContain("Terminado");
	}

	/** A learner takes the sextortion quiz, choosing a wrong option where there is one. */
	private void submit(String learnerId) {
		Module module = this.curriculum.module("sextortion").orElseThrow();
		Quiz quiz = module.quiz(Band.AGES_11_13).orElseThrow();
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		for (Question question : quiz.questions()) {
			List<String> options = question.options().stream().map(Option::id).toList();
			String wrong = question.options().stream().filter((option) -> !option.correct()).findFirst()
				.map(Option::id).orElse(options.get(0));
			chosen.put(question.id(), (question.type() == QuestionType.ORDER) ? options : List.of(wrong));
		}
		this.submissions.submit(new Owner(learnerId, this.schoolClass.id(), Band.AGES_11_13), module, quiz, "test",
				UUID.randomUUID().toString(), chosen);
	}

	private static String report(String page) {
		int start = page.indexOf("<section id=\"report\"");
		assertThat(start).as("the page has its report").isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private static List<String> tokens(String page) {
		List<String> tokens = new ArrayList<>();
		Matcher found = CSRF.matcher(page);
		while (found.find()) {
			tokens.add(found.group(1));
		}
		return tokens;
	}

}
