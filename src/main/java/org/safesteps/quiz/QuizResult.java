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

	/** The same result with every question's options in the order this learner saw them. */
	public QuizResult inOrderShown(DisplayOrder order) {
		return new QuizResult(this.questions.stream().map((q) -> q.inOrderShown(order.of(q.question()))).toList(),
				this.correctCount, this.questionCount, this.score);
	}

	public boolean allCorrect() {
		return this.correctCount == this.questionCount;
	}

}
