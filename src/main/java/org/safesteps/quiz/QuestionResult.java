package org.safesteps.quiz;

import java.util.List;

import org.safesteps.content.Option;
import org.safesteps.content.Question;

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

	/** How many items of an {@code order} answer are in their right place. */
	public long placedRightCount() {
		return this.placedRight.stream().filter(Boolean::booleanValue).count();
	}

}
