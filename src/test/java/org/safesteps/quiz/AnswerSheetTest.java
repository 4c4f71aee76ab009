package org.safesteps.quiz;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.content.Option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safesteps.quiz.GraderTest.MULTIPLE;
import static org.safesteps.quiz.GraderTest.ORDER;
import static org.safesteps.quiz.GraderTest.QUIZ;
import static org.safesteps.quiz.GraderTest.SINGLE;

class AnswerSheetTest {

	private final Map<String, List<String>> form = new HashMap<>();

	private AnswerSheet read() {
		return AnswerSheet.read(QUIZ, DisplayOrder.AUTHORED, (name) -> this.form.getOrDefault(name, List.of()));
	}

	private void answerAllRight() {
		this.form.put("q-secret", List.of("0"));
		this.form.put("q-adults", List.of("0", "1", "3"));
		this.form.put("q-other-adult", List.of("0"));
		this.form.put("q-game", List.of("0"));
		List<Option> shown = DisplayOrder.AUTHORED.of(ORDER);
		for (int number = 0; number < shown.size(); number++) {
			this.form.put("q-steps-" + number, List.of(Integer.toString(ORDER.options().indexOf(shown.get(number)) + 1)));
		}
	}

	@Test
	void numberedChoicesBecomeOptionIdsAndPlacesBecomeTheChildsOrder() {
		answerAllRight();
		AnswerSheet sheet = read();
		assertThat(sheet.hasProblems()).isFalse();
		assertThat(sheet.chosen()).containsEntry("secret", List.of("warning"))
			.containsEntry("adults", List.of("tutor", "nurse", "lead"))
			.containsEntry("steps", List.of("stop", "screenshot", "block", "tell"));
		assertThat(Grader.grade(QUIZ, sheet.chosen()).allCorrect()).isTrue();
	}

	@Test
	void aMissingAnswerIsAProblemOfThatQuestionOnly() {
		answerAllRight();
		this.form.remove("q-adults");
		AnswerSheet sheet = read();
		assertThat(sheet.problems()).containsOnlyKeys("adults");
		assertThat(sheet.problem("adults")).isEqualTo(AnswerSheet.Problem.MISSING);
		assertThat(sheet.chosen()).isEmpty();
		assertThat(sheet.checked(SINGLE, 0)).as("other answers are kept").isTrue();
	}

	@Test
	void twoChoicesForASingleQuestionAreRefused() {
		answerAllRight();
		this.form.put("q-secret", List.of("0", "1"));
		assertThat(read().problem("secret")).isEqualTo(AnswerSheet.Problem.ONE_ONLY);
	}

	@Test
	void orderWithARepeatedOrMissingPlaceIsRefused() {
		answerAllRight();
		this.form.put("q-steps-0", this.form.get("q-steps-1"));
		assertThat(read().problem("steps")).isEqualTo(AnswerSheet.Problem.ORDER_PLACES);
		answerAllRight();
		this.form.put("q-steps-2", List.of(""));
		assertThat(read().problem("steps")).isEqualTo(AnswerSheet.Problem.ORDER_PLACES);
		assertThat(read().place(ORDER, 0)).isNotEmpty();
	}

	@Test
	void malformedValuesAreProblemsNotExceptions() {
		answerAllRight();
		this.form.put("q-secret", List.of("7"));
		this.form.put("q-adults", List.of("x"));
		this.form.put("q-steps-0", List.of("99"));
		this.form.put("q-game", List.of("-1"));
		AnswerSheet sheet = read();
		assertThat(sheet.problems()).containsOnlyKeys("secret", "adults", "steps", "game")
			.allSatisfy((id, problem) -> assertThat(problem).isEqualTo(AnswerSheet.Problem.MALFORMED));
	}

	@Test
	void multipleKeepsPartialAnswersForGrading() {
		answerAllRight();
		this.form.put("q-adults", List.of("0"));
		AnswerSheet sheet = read();
		assertThat(sheet.chosen().get("adults")).containsExactly("tutor");
		assertThat(sheet.checked(MULTIPLE, 0)).isTrue();
		assertThat(sheet.checked(MULTIPLE, 1)).isFalse();
	}

}
