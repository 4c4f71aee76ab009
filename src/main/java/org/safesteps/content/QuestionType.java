package org.safesteps.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a quiz question is answered and graded. */
public enum QuestionType {

	/** Exactly one correct option. */
	SINGLE,
	/** Every correct option must be chosen, and no wrong one. */
	MULTIPLE,
	/** Two options with ids {@code true} and {@code false}, exactly one correct. */
	TRUE_FALSE,
	/** The options are the items in the right order; they are shown shuffled. */
	ORDER,
	/** A story with a choice: exactly one correct option, each option has an outcome. */
	SCENARIO;

	/** The id used in quiz files: {@code true-false} for {@link #TRUE_FALSE}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<QuestionType> fromId(String id) {
		return Arrays.stream(values()).filter(type -> type.id().equals(id)).findFirst();
	}

}
