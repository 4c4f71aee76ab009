package org.safesteps.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown at start-up when content/ has errors; the message lists every problem, one per line. */
public class InvalidContentException extends RuntimeException {

	private final transient List<ContentProblem> problems;

	public InvalidContentException(List<ContentProblem> problems) {
		super(problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<ContentProblem> problems() {
		return problems;
	}

}
