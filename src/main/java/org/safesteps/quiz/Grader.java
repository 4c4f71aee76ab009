package org.safesteps.quiz;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;

/**
 * Grades a quiz: a question is right only when the whole answer is right (every right option of a
 * {@code multiple} question and no wrong one; every item of an {@code order} question in its place).
 * Partly right answers score nothing but say what was right, so the feedback can.
 */
public final class Grader {

	private Grader() {
	}

	/**
	 * @param chosen option ids per question id (for {@code order}, in the child's order); a question
	 * without an entry, or with ids the question does not have, is graded wrong
	 */
	public static QuizResult grade(Quiz quiz, Map<String, List<String>> chosen) {
		List<QuestionResult> results = new ArrayList<>();
		for (Question question : quiz.questions()) {
			results.add(grade(question, chosen.getOrDefault(question.id(), List.of())));
		}
		int correct = (int) results.stream().filter(QuestionResult::correct).count();
		int count = results.size();
		int score = (count == 0) ? 0 : (int) Math.round(100.0 * correct / count);
		return new QuizResult(results, correct, count, score);
	}

	static QuestionResult grade(Question question, List<String> chosenIds) {
		List<Option> chosen = chosenIds.stream().map(question::option).flatMap(Optional::stream).toList();
		boolean known = chosen.size() == chosenIds.size();
		return switch (question.type()) {
			case SINGLE, TRUE_FALSE, SCENARIO -> new QuestionResult(question, chosen, chosenIds,
					known && chosen.size() == 1 && chosen.get(0).correct(), List.of(), List.of());
			case MULTIPLE -> multiple(question, chosen, chosenIds, known);
			case ORDER -> order(question, chosen, chosenIds, known);
		};
	}

	private static QuestionResult multiple(Question question, List<Option> chosen, List<String> chosenIds,
			boolean known) {
		Set<Option> picked = new HashSet<>(chosen);
		List<Option> right = question.correctOptions();
		List<Option> missed = right.stream().filter((option) -> !picked.contains(option)).toList();
		boolean correct = known && !chosen.isEmpty() && missed.isEmpty() && chosen.stream().allMatch(Option::correct)
				&& picked.size() == chosen.size();
		return new QuestionResult(question, chosen, chosenIds, correct, List.of(), missed);
	}

	private static QuestionResult order(Question question, List<Option> chosen, List<String> chosenIds,
			boolean known) {
		List<Option> rightOrder = question.options();
		List<Boolean> placed = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			placed.add(i < rightOrder.size() && rightOrder.get(i).equals(chosen.get(i)));
		}
		boolean correct = known && chosen.size() == rightOrder.size() && !placed.contains(false);
		return new QuestionResult(question, chosen, chosenIds, correct, placed, List.of());
	}

}
