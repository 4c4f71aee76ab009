package org.safesteps.quiz;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;

import static org.assertj.core.api.Assertions.assertThat;

class GraderTest {

	static final Question SINGLE = new Question("secret", QuestionType.SINGLE, "Someone says keep it secret.", null,
			List.of(option("warning", true), option("normal", false), option("trust", false)));

	static final Question MULTIPLE = new Question("adults", QuestionType.MULTIPLE, "Who can help?", null,
			List.of(option("tutor", true), option("nurse", true), option("stranger", false), option("lead", true)));

	static final Question TRUE_FALSE = new Question("other-adult", QuestionType.TRUE_FALSE,
			"You can tell another adult.", null, List.of(option("true", true), option("false", false)));

	static final Question ORDER = new Question("steps", QuestionType.ORDER, "Put the steps in order.", null,
			List.of(option("stop", false), option("screenshot", false), option("block", false), option("tell", false)));

	static final Question SCENARIO = new Question("game", QuestionType.SCENARIO, "What should Jay do?",
			"Someone in a game asks Jay for a photo.",
			List.of(new Option("tell", "Tell an adult", true, "Yes.", "Jay feels better."),
					new Option("send", "Send it", false, "No.", "Jay is worried.")));

	static final Quiz QUIZ = new Quiz(List.of(SINGLE, MULTIPLE, TRUE_FALSE, ORDER, SCENARIO));

	static Option option(String id, boolean correct) {
		return new Option(id, "Text of " + id, correct, "Feedback on " + id, null);
	}

	@ParameterizedTest(name = "single {0} -> {1}")
	@CsvSource({ "warning,true", "normal,false", "trust,false", "unknown,false" })
	void singleIsRightOnlyForTheCorrectOption(String chosen, boolean right) {
		assertThat(Grader.grade(SINGLE, List.of(chosen)).correct()).isEqualTo(right);
	}

	@Test
	void singleWithTwoChoicesOrNoneIsWrong() {
		assertThat(Grader.grade(SINGLE, List.of("warning", "normal")).correct()).isFalse();
		assertThat(Grader.grade(SINGLE, List.of()).correct()).isFalse();
	}

	@ParameterizedTest(name = "true-false {0} -> {1}")
	@CsvSource({ "true,true", "false,false" })
	void trueFalseIsGradedLikeSingle(String chosen, boolean right) {
		assertThat(Grader.grade(TRUE_FALSE, List.of(chosen)).correct()).isEqualTo(right);
	}

	@Test
	void scenarioKeepsTheChosenOptionsOutcomeForFeedback() {
		assertThat(Grader.grade(SCENARIO, List.of("tell")).correct()).isTrue();
		QuestionResult wrong = Grader.grade(SCENARIO, List.of("send"));
		assertThat(wrong.correct()).isFalse();
		assertThat(wrong.chosen()).singleElement()
			.satisfies((option) -> assertThat(option.outcome()).isEqualTo("Jay is worried."));
	}

	@Test
	void multipleNeedsEveryRightOptionAndNoWrongOneInAnyOrder() {
		assertThat(Grader.grade(MULTIPLE, List.of("tutor", "nurse", "lead")).correct()).isTrue();
		assertThat(Grader.grade(MULTIPLE, List.of("lead", "tutor", "nurse")).correct()).isTrue();
	}

	@Test
	void multiplePartlyRightIsWrongAndListsTheMissedOptions() {
		QuestionResult partial = Grader.grade(MULTIPLE, List.of("tutor"));
		assertThat(partial.correct()).isFalse();
		assertThat(partial.missed()).extracting(Option::id).containsExactly("nurse", "lead");
	}

	@Test
	void multipleWithAWrongOptionIsWrongEvenWithAllRightOnes() {
		QuestionResult extra = Grader.grade(MULTIPLE, List.of("tutor", "nurse", "lead", "stranger"));
		assertThat(extra.correct()).isFalse();
		assertThat(extra.missed()).isEmpty();
	}

	@Test
	void multipleWithARepeatedOptionIsWrong() {
		assertThat(Grader.grade(MULTIPLE, List.of("tutor", "nurse", "lead", "lead")).correct()).isFalse();
	}

	@Test
	void orderIsRightOnlyInTheExactOrder() {
		assertThat(Grader.grade(ORDER, List.of("stop", "screenshot", "block", "tell")).correct()).isTrue();
	}

	@Test
	void orderPartlyRightMarksEachPosition() {
		QuestionResult swapped = Grader.grade(ORDER, List.of("stop", "block", "screenshot", "tell"));
		assertThat(swapped.correct()).isFalse();
		assertThat(swapped.placedRight()).containsExactly(true, false, false, true);
		assertThat(swapped.placedRightCount()).isEqualTo(2);
	}

	@Test
	void orderWithTooFewItemsIsWrong() {
		assertThat(Grader.grade(ORDER, List.of("stop", "screenshot", "block")).correct()).isFalse();
	}

	@Test
	void scoreIsThePercentageOfRightQuestions() {
		QuizResult result = Grader.grade(QUIZ,
				Map.of("secret", List.of("warning"), "adults", List.of("tutor"), "other-adult", List.of("true"), "steps",
						List.of("stop", "screenshot", "block", "tell"), "game", List.of("send")));
		assertThat(result.correctCount()).isEqualTo(3);
		assertThat(result.questionCount()).isEqualTo(5);
		assertThat(result.score()).isEqualTo(60);
		assertThat(result.allCorrect()).isFalse();
	}

	@Test
	void unansweredQuestionsAreWrongNotAnError() {
		QuizResult result = Grader.grade(QUIZ, Map.of());
		assertThat(result.score()).isZero();
		assertThat(result.questions()).allSatisfy((question) -> assertThat(question.correct()).isFalse());
	}

	@Test
	void twoOutOfThreeRoundsTo67() {
		Quiz three = new Quiz(List.of(SINGLE, TRUE_FALSE, SCENARIO));
		assertThat(Grader.grade(three, Map.of("secret", List.of("warning"), "other-adult", List.of("true"))).score())
			.isEqualTo(67);
	}

}
