package org.safesteps.quiz;

import java.util.List;

/**
 * A graded quiz.
 *
 * @param score percentage of questions answered right, 0-100, rounded
 */
public record QuizResult(List<QuestionResult> questions, int correctCount, int questionCount, int score) {

	public QuizResult {
		questions = List.copyOf(questions);
	}

	public boolean allCorrect() {
		return this.correctCount == this.questionCount;
	}

}
