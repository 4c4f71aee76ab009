package org.safesteps.quiz;

import java.util.Comparator;
import java.util.List;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;

/**
 * One graded question.
 *
 * @param chosen the options the child chose, in their order (for {@code order}: the child's sequence)
 * @param chosenIds the ids of the chosen options, as stored in an attempt
 * @param correct whether the whole answer is right
 * @param placedRight for {@code order} questions, per position of the child's sequence whether that
 * item is in its right place; empty for other types
 * @param missed for {@code multiple} questions, the right options the child did not tick
 */
public record QuestionResult(Question question, List<Option> chosen, List<String> chosenIds, boolean correct,
		List<Boolean> placedRight, List<Option> missed) {

	public QuestionResult {
		chosen = List.copyOf(chosen);
		chosenIds = List.copyOf(chosenIds);
		placedRight = List.copyOf(placedRight);
		missed = List.copyOf(missed);
	}

	/**
	 * The same result with the chosen and missed options in the order the learner saw them (an
	 * {@code order} answer keeps the child's sequence).
	 */
	public QuestionResult inOrderShown(List<Option> shown) {
		if (this.question.type() == QuestionType.ORDER) {
			return this;
		}
		Comparator<Option> byPlace = Comparator.comparingInt(shown::indexOf);
		return new QuestionResult(this.question, this.chosen.stream().sorted(byPlace).toList(),
				this.chosenIds, this.correct, this.placedRight,
				this.missed.stream().sorted(byPlace).toList());
	}

	/** How many items of an {@code order} answer are in their right place. */
	public long placedRightCount() {
		return this.placedRight.stream().filter(Boolean::booleanValue).count();
	}

}
