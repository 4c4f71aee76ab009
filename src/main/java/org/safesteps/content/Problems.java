package org.safesteps.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one load, so an editor sees them all at once instead of one per run. */
final class Problems {

	private final List<ContentProblem> problems = new ArrayList<>();

	void error(String path, int line, String message) {
		problems.add(ContentProblem.error(path, line, message));
	}

	void warning(String path, int line, String message) {
		problems.add(ContentProblem.warning(path, line, message));
	}

	boolean hasErrors() {
		return problems.stream().anyMatch(ContentProblem::isError);
	}

	/** By file, then line, so the report reads top to bottom. */
	List<ContentProblem> sorted() {
		return problems.stream()
			.sorted(Comparator.comparing(ContentProblem::path).thenComparingInt(ContentProblem::line))
			.toList();
	}

}
