package org.safesteps.content;

import java.util.Arrays;
import java.util.Optional;

/** How a quiz question is answered and graded. */
public enum QuestionType {

	/** Exactly one correct option. */
	SINGLE("single"),
	/** Every correct option must be chosen, and no wrong one. */
	MULTIPLE("multiple"),
	/** Two options with ids {@code true} and {@code false}, exactly one correct. */
	TRUE_FALSE("true-false"),
	/** The options are the items in the right order; they are shown shuffled. */
	ORDER("order"),
	/** A story with a choice: exactly one correct option, each option has an outcome. */
	SCENARIO("scenario");

	private final String id;

	QuestionType(String id) {
		this.id = id;
	}

	/** The id used in quiz files. */
	public String id() {
		return id;
	}

	public static Optional<QuestionType> fromId(String id) {
		return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
	}

}
