package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;
import org.safesteps.progress.ClassReports;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "What to revisit" on the class page: the questions the class missed most across every assigned
 * module, five at most, against the embedded database; the module's own page has every question.
 */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassReportTest {

	private static final List<String> MODULES = List.of("sextortion", "online-friends");

	@Autowired
	ClassReports reports;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MessageSource messages;

	@Autowired
	ClassStore classes;

	@Autowired
	AccountStore accounts;

	@Autowired
	MongoTemplate mongo;

	@Test
	void revisitRanksMissedQuestionsAcrossModulesAndKeepsFive() {
		Account teacher = Teachers.create(this.accounts, "Rank");
		SchoolClass schoolClass = this.classes.create("Year 9", Band.AGES_11_13, teacher.id());
		List<Question> first = quiz("sextortion").questions();
		List<Question> second = quiz("online-friends").questions();
		// learners who missed each question, of 5: first module 5, 3, 1; second module 4, 1, 1
		int[][] missedBy = { { 5, 3, 1 }, { 4, 1, 1 } };
		for (int learner = 0; learner < 5; learner++) {
			String id = Teachers.learner(this.mongo, schoolClass.id(), "Learner " + learner);
			for (int module = 0; module < 2; module++) {
				List<Question> questions = (module == 0) ? first : second;
				List<Document> answers = new ArrayList<>();
				for (int q = 0; q < questions.size(); q++) {
					boolean missed = q < 3 && learner < missedBy[module][q];
					answers.add(answer(questions.get(q), !missed));
				}
				Teachers.attempt(this.mongo, id, schoolClass.id(), MODULES.get(module), 50, answers);
			}
		}

		ClassReport report = ClassReport.build(this.reports, this.curriculum, schoolClass.id(), Band.AGES_11_13, MODULES,
				ClassReport.Labels.of(this.messages, Locale.ENGLISH));

		assertThat(report.revisit()).as("most-missed first; ties in the order the modules are assigned")
			.extracting((r) -> r.question().text())
			.containsExactly(first.get(0).text(), second.get(0).text(), first.get(1).text(), first.get(2).text(),
					second.get(1).text());
		assertThat(report.revisit()).extracting(ClassReport.RevisitView::moduleTitle)
			.containsExactly(title("sextortion"), title("online-friends"), title("sextortion"), title("sextortion"),
					title("online-friends"));
		assertThat(report.revisit().get(0).question().correctness()).isEqualTo("0% right (0 of 5 learners)");
		assertThat(report.revisit().get(1).question().correctness()).isEqualTo("20% right (1 of 5 learners)");
		assertThat(report.revisit().get(1).question().facility()).isEqualTo("Facility: 20% right on the first attempt");
		assertThat(report.revisit().get(0).question().discrimination())
			.isEqualTo("Discrimination: not measurable (everyone scored alike)");
		assertThat(report.revisit().get(0).question().verdict())
			.isEqualTo("Many in the class found this hard: worth going over again.");
		assertThat(report.quizzes()).extracting(ClassReport.QuizLink::moduleId, ClassReport.QuizLink::answered)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sextortion", 5),
					org.assertj.core.groups.Tuple.tuple("online-friends", 5));

		ClassReport.ModuleQuestions all = ClassReport
			.questions(this.reports, this.curriculum, schoolClass.id(), Band.AGES_11_13, "online-friends",
					ClassReport.Labels.of(this.messages, Locale.ENGLISH))
			.orElseThrow();
		assertThat(all.questions()).as("every question of the module, the right ones too").hasSize(second.size());
		assertThat(all.questions().get(0).text()).isEqualTo(second.get(0).text());
		assertThat(all.answered()).isEqualTo(5);
		assertThat(ClassReport.questions(this.reports, this.curriculum, schoolClass.id(), Band.AGES_11_13,
				"no-such-module", ClassReport.Labels.of(this.messages, Locale.ENGLISH)))
			.isEmpty();
	}

	@Test
	void withFewerThanFiveLearnersNoShareOrStatisticIsShown() {
		Account teacher = Teachers.create(this.accounts, "Small");
		SchoolClass schoolClass = this.classes.create("Year 8 small", Band.AGES_11_13, teacher.id());
		for (int learner = 0; learner < 4; learner++) {
			String id = Teachers.learner(this.mongo, schoolClass.id(), "Small " + learner);
			Teachers.attempt(this.mongo, id, schoolClass.id(), "sextortion", 0,
					quiz("sextortion").questions().stream().map((q) -> answer(q, false)).toList());
		}
		ClassReport.Labels labels = ClassReport.Labels.of(this.messages, Locale.ENGLISH);
		ClassReport report = ClassReport.build(this.reports, this.curriculum, schoolClass.id(), Band.AGES_11_13, MODULES,
				labels);
		assertThat(report.revisit()).as("even the order of what was missed would say what four learners did").isEmpty();
		ClassReport.ModuleQuestions all = ClassReport
			.questions(this.reports, this.curriculum, schoolClass.id(), Band.AGES_11_13, "sextortion", labels)
			.orElseThrow();
		assertThat(all.questions()).isNotEmpty().allSatisfy((q) -> {
			assertThat(q.hidden()).isTrue();
			assertThat(q.correctness()).isEqualTo("fewer than 5 learners");
			assertThat(q.options()).isEmpty();
			assertThat(q.facility()).isNull();
			assertThat(q.discrimination()).isNull();
		});
	}

	@Test
	void aClassThatGotEverythingRightHasNothingToRevisit() {
		Account teacher = Teachers.create(this.accounts, "Right");
		SchoolClass schoolClass = this.classes.create("Year 10", Band.AGES_11_13, teacher.id());
		String id = Teachers.learner(this.mongo, schoolClass.id(), "Quiet Heron");
		Teachers.attempt(this.mongo, id, schoolClass.id(), "sextortion", 100,
				quiz("sextortion").questions().stream().map((q) -> answer(q, true)).toList());

		ClassReport report = ClassReport.build(this.reports, this.curriculum, schoolClass.id(), Band.AGES_11_13, MODULES,
				ClassReport.Labels.of(this.messages, Locale.ENGLISH));

		assertThat(report.revisit()).isEmpty();
		assertThat(report.anyAnswers()).isTrue();
	}

	private Quiz quiz(String moduleId) {
		Quiz quiz = this.curriculum.module(moduleId).orElseThrow().quiz(Band.AGES_11_13).orElseThrow();
		assertThat(quiz.questions()).hasSizeGreaterThanOrEqualTo(3);
		return quiz;
	}

	private String title(String moduleId) {
		return this.curriculum.module(moduleId).orElseThrow().title();
	}

	private static Document answer(Question question, boolean correct) {
		String chosen = question.options()
			.stream()
			.filter((option) -> option.correct() == correct)
			.findFirst()
			.orElse(question.options().get(0))
			.id();
		return Teachers.answer(question.id(), correct, chosen);
	}

}
