package org.safesteps.content;

import java.util.List;
import java.util.Optional;

/**
 * A quiz question. {@code story} is set for scenario questions only (null otherwise); for
 * {@code ORDER} the options are the items in the correct order.
 */
public record Question(String id, QuestionType type, String text, String story, List<Option> options) {

	public Question {
		options = List.copyOf(options);
	}

	public Optional<Option> option(String id) {
		return options.stream().filter(option -> option.id().equals(id)).findFirst();
	}

	public List<Option> correctOptions() {
		return options.stream().filter(Option::correct).toList();
	}

}
