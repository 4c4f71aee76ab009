package org.safesteps.content;

import java.util.List;

/**
 * Warns when a quiz can be passed by answer position or shape instead of reading: true/false
 * questions whose answer is mostly "True" (or mostly "False", in a quiz with two or more of them), and right options that are the
 * longest of their question most of the time. Learners who always pick "False" or always pick the
 * longest option would otherwise score well above chance. Options are shuffled per learner, so the
 * written position of an option is not checked here.
 */
final class QuizBalance {

	/** "True" must be the answer to at least this share of a quiz's true/false questions, and "False" too. */
	static final double LEAST_SHARE = 0.35;

	private QuizBalance() {
	}

	static void check(String path, int line, Quiz quiz, Problems problems) {
		List<Question> trueFalse = quiz.questions().stream().filter((q) -> q.type() == QuestionType.TRUE_FALSE).toList();
		// one true/false question cannot be balanced on its own; the rule starts with the second
		if (trueFalse.size() >= 2) {
			long answeredTrue = trueFalse.stream()
				.filter((q) -> q.correctOptions().stream().anyMatch((o) -> "true".equals(o.id())))
				.count();
			double share = (double) answeredTrue / trueFalse.size();
			if (share < LEAST_SHARE || share > 1 - LEAST_SHARE) {
				problems.warning(path, line, "\"True\" is the answer to %d of %d true/false questions (%d%%): keep it between 35%% and 65%% so answering the same every time scores no better than chance"
					.formatted(answeredTrue, trueFalse.size(), Math.round(100 * share)));
			}
		}
		List<Question> oneRight = quiz.questions()
			.stream()
			.filter((q) -> q.type() == QuestionType.SINGLE || q.type() == QuestionType.SCENARIO)
			.filter((q) -> q.correctOptions().size() == 1 && q.options().size() > 1)
			.toList();
		long longest = oneRight.stream().filter(QuizBalance::rightIsLongest).count();
		if (longest * 2 > oneRight.size()) {
			problems.warning(path, line, "the right option is the longest in %d of %d single and scenario questions: a learner who always picks the longest would pass; make it the longest in at most half"
				.formatted(longest, oneRight.size()));
		}
	}

	/** Whether the right option is longer than every other (a tie does not give it away). */
	static boolean rightIsLongest(Question question) {
		Option right = question.correctOptions().get(0);
		return question.options()
			.stream()
			.filter((option) -> option != right)
			.allMatch((option) -> option.text().length() < right.text().length());
	}

}
