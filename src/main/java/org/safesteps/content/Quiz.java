package org.safesteps.content;

import java.util.List;
import java.util.Optional;

/** The quiz of a module for one age band. */
public record Quiz(List<Question> questions) {

	public Quiz {
		questions = List.copyOf(questions);
	}

	public Optional<Question> question(String id) {
		return questions.stream().filter(question -> question.id().equals(id)).findFirst();
	}

}
