package org.safesteps.content;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The content check's warnings on quizzes that can be passed without reading. */
class QuizBalanceTest {

	private static final String PATH = "modules/m/ages-8-10.quiz.yml";

	private static Question trueFalse(String id, boolean answerIsTrue) {
		return new Question(id, QuestionType.TRUE_FALSE, "Statement " + id, null,
				List.of(new Option("true", "True", answerIsTrue, "f", null),
						new Option("false", "False", !answerIsTrue, "f", null)));
	}

	private static Question single(String id, String right, String... wrong) {
		List<Option> options = new ArrayList<>();
		options.add(new Option("right", right, true, "f", null));
		for (int i = 0; i < wrong.length; i++) {
			options.add(new Option("wrong-" + i, wrong[i], false, "f", null));
		}
		return new Question(id, QuestionType.SINGLE, "Question " + id, null, options);
	}

	private static List<String> warnings(Question... questions) {
		Problems problems = new Problems();
		QuizBalance.check(PATH, 1, new Quiz(List.of(questions)), problems);
		return problems.sorted().stream().map(ContentProblem::toString).toList();
	}

	@ParameterizedTest(name = "{0} of {1} answered True: warns {2}")
	@CsvSource({ "0, 2, true", "1, 2, false", "2, 2, true", "1, 3, true", "2, 3, true", "2, 4, false", "1, 4, true",
			"3, 4, true", "2, 5, false", "3, 5, false", "0, 1, false", "1, 1, false" })
	void trueFalseAnswersMustBeTrueInThirtyFiveToSixtyFivePercentFromTheSecondQuestionOn(int answeredTrue, int questions, boolean warns) {
		List<Question> quiz = new ArrayList<>();
		for (int i = 0; i < questions; i++) {
			quiz.add(trueFalse("tf-" + i, i < answeredTrue));
		}
		List<String> found = warnings(quiz.toArray(Question[]::new));
		if (warns) {
			assertThat(found).containsExactly(PATH + ":1: warning: \"True\" is the answer to " + answeredTrue + " of "
					+ questions + " true/false questions (" + Math.round(100.0 * answeredTrue / questions)
					+ "%): keep it between 35% and 65% so answering the same every time scores no better than chance");
		}
		else {
			assertThat(found).isEmpty();
		}
	}

	@Test
	void aQuizWithoutTrueFalseQuestionsHasNothingToBalance() {
		assertThat(warnings(single("a", "Tell", "Keep quiet about it"))).isEmpty();
	}

	@Test
	void theRightOptionLongestInMoreThanHalfTheQuestionsIsReported() {
		assertThat(warnings(single("a", "Tell a trusted adult today", "Keep it", "Pay"),
				single("b", "Stop replying and block them", "Reply", "Send more"),
				single("c", "Tell", "Keep quiet about it", "Send one picture")))
			.containsExactly(PATH + ":1: warning: the right option is the longest in 2 of 3 single and scenario questions: a learner who always picks the longest would pass; make it the longest in at most half");
	}

	@Test
	void theRightOptionLongestInHalfTheQuestionsIsAllowed() {
		assertThat(warnings(single("a", "Tell a trusted adult today", "Keep it", "Pay"),
				single("b", "Tell", "Keep quiet about it", "Send one picture"))).isEmpty();
	}

	@Test
	void aRightOptionTiedForLongestDoesNotGiveItselfAway() {
		assertThat(warnings(single("a", "Tell a grown-up", "Keep the secret", "Pay"),
				single("b", "Tell your teacher", "Say nothing at all", "Pay"))).isEmpty();
		assertThat(QuizBalance.rightIsLongest(single("tie", "Tell a grown-up", "Keep the secret"))).isFalse();
	}

	@Test
	void scenarioQuestionsCountAndMultipleChoiceQuestionsDoNot() {
		Question scenario = new Question("s", QuestionType.SCENARIO, "What now?", "A story",
				List.of(new Option("right", "Stop, screenshot and tell an adult", true, "f", "o"),
						new Option("wrong", "Pay", false, "f", "o")));
		Question multiple = new Question("m", QuestionType.MULTIPLE, "Pick all", null,
				List.of(new Option("a", "A long right option here", true, "f", null), new Option("b", "No", false, "f", null)));
		assertThat(warnings(scenario, multiple)).hasSize(1).first().asString().contains("longest in 1 of 1");
	}

	@Test
	void theShippedQuizzesAndTheTestFixtureHaveNoBalanceWarnings() {
		assertThat(TestContent.valid().problems()).isEmpty();
	}

}
