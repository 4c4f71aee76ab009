package org.safesteps.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;

/**
 * The order a question's options are shown in. Content lists {@code order} items in their right
 * order, so they are shuffled; the shuffle is seeded by the question itself, so the page looks the
 * same on every load and the form's option numbers mean the same thing when it comes back. A
 * shuffle that happens to give the right order is rotated by one. Other types keep the author's order.
 */
public final class DisplayOrder {

	private DisplayOrder() {
	}

	public static List<Option> of(Question question) {
		if (question.type() != QuestionType.ORDER || question.options().size() < 2) {
			return question.options();
		}
		List<Option> shown = new ArrayList<>(question.options());
		long seed = question.id().hashCode() * 31L + question.options().stream().map(Option::id).toList().hashCode();
		Collections.shuffle(shown, new Random(seed));
		if (shown.equals(question.options())) {
			Collections.rotate(shown, 1);
		}
		return List.copyOf(shown);
	}

}
