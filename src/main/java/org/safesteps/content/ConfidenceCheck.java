package org.safesteps.content;

import java.util.List;
import java.util.Optional;

/**
 * A module's before-and-after confidence check for one band ({@code <band>.check.yml}): two to four
 * statements a learner rates on the fixed scale, never graded.
 */
public record ConfidenceCheck(List<Statement> statements) {

	public ConfidenceCheck {
		statements = List.copyOf(statements);
	}

	public Optional<Statement> statement(String id) {
		return statements.stream().filter(statement -> statement.id().equals(id)).findFirst();
	}

	/** "I know what to do if ...": the id answers are stored under, and the words a learner rates. */
	public record Statement(String id, String text) {
	}

}
