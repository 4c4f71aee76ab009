package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuizValidationTest {

	private static final String QUIZ = "modules/online-friends/ages-8-10.quiz.yml";

	private static TestContent quizWith(String from, String to) {
		return TestContent.valid().replace(QUIZ, from, to);
	}

	@Test
	void singleChoiceQuestionWithoutACorrectOptionIsReportedWithItsLine() {
		assertThat(quizWith("A teacher at school\n        correct: true\n", "A teacher at school\n").problems())
			.containsExactly(QUIZ + ":2: question 'who-to-tell' (single) needs exactly one correct option, has 0");
	}

	@Test
	void singleChoiceQuestionWithTwoCorrectOptionsIsReported() {
		assertThat(quizWith("text: Someone you only know from a game\n",
				"text: Someone you only know from a game\n        correct: true\n").problems())
			.containsExactly(QUIZ + ":2: question 'who-to-tell' (single) needs exactly one correct option, has 2");
	}

	@Test
	void multipleChoiceQuestionWithoutACorrectOptionIsReported() {
		assertThat(quizWith("They send lots of gifts\n        correct: true\n", "They send lots of gifts\n")
			.replace(QUIZ, "They ask you to keep a secret\n        correct: true\n", "They ask you to keep a secret\n")
			.problems()).containsExactly(QUIZ + ":14: question 'warning-signs' (multiple) needs at least one correct option");
	}

	@Test
	void scenarioQuestionWithoutACorrectOptionIsReported() {
		assertThat(quizWith("text: Tell Dad\n        correct: true\n", "text: Tell Dad\n").problems())
			.containsExactly(QUIZ + ":53: question 'sam-secret' (scenario) needs exactly one correct option, has 0");
	}

	@Test
	void quizOptionWithoutFeedbackIsReportedWithItsLine() {
		assertThat(quizWith("        feedback: Someone you only know online is not a trusted adult, even if they are kind.\n", "")
			.problems()).containsExactly(QUIZ + ":10: option 'game-friend' of question 'who-to-tell' has no feedback");
	}

	@Test
	void orderItemWithoutFeedbackIsReportedWithItsLine() {
		assertThat(quizWith("        feedback: Stopping first means they get nothing more.\n", "").problems())
			.containsExactly(QUIZ + ":46: item 'stop' of question 'what-first' has no feedback");
	}

	@Test
	void scenarioOptionWithoutOutcomeIsReportedWithItsLine() {
		assertThat(quizWith("        outcome: The friend asks for more and more.\n", "").problems())
			.containsExactly(QUIZ + ":63: option 'keep-secret' of scenario question 'sam-secret' has no outcome (what happens next)");
	}

	@Test
	void trueFalseQuestionMustHaveOptionsTrueAndFalse() {
		assertThat(quizWith("- id: \"true\"", "- id: \"yes\"").problems())
			.containsExactly(QUIZ + ":33: true-false question 'tell-later' needs exactly two options, with ids \"true\" and \"false\"");
	}

	@Test
	void duplicateQuestionIdIsReportedWithItsLine() {
		assertThat(quizWith("- id: warning-signs", "- id: who-to-tell").problems())
			.containsExactly(QUIZ + ":14: duplicate question id 'who-to-tell'");
	}

	@Test
	void duplicateOptionIdIsReportedWithItsLine() {
		assertThat(quizWith("- id: secret", "- id: gifts").problems())
			.containsExactly(QUIZ + ":22: duplicate option id 'gifts' in question 'warning-signs'");
	}

	@Test
	void unknownQuestionTypeIsReported() {
		assertThat(quizWith("type: single", "type: choose-one").problems()).containsExactly(
				QUIZ + ":3: unknown question type 'choose-one' (single, multiple, true-false, order or scenario)");
	}

	@Test
	void orderQuestionNeedsItems() {
		assertThat(quizWith("    items:\n", "    options:\n").problems()).containsExactly(
				QUIZ + ":42: order question 'what-first' has no items (list them under 'items', in the right order)");
	}

	@Test
	void scenarioQuestionNeedsAStory() {
		assertThat(quizWith("    story: Sam's new online friend asks Sam to keep their chats secret.\n", "").problems())
			.containsExactly(QUIZ + ":53: scenario question 'sam-secret' has no 'story'");
	}

	@Test
	void quizWithoutQuestionsIsReported() {
		assertThat(TestContent.valid().with(QUIZ, "questions: []\n").problems())
			.containsExactly(QUIZ + ":1: quiz has no 'questions'");
	}

}
