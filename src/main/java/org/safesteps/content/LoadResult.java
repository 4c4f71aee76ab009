package org.safesteps.content;

import java.util.List;

/** What loading content/ produced: the curriculum (null if any error), every problem, and lesson readability. */
public record LoadResult(Curriculum curriculum, List<ContentProblem> problems, List<ReadabilityScore> readability) {

	public LoadResult {
		problems = List.copyOf(problems);
		readability = List.copyOf(readability);
	}

	public List<ContentProblem> errors() {
		return problems.stream().filter(ContentProblem::isError).toList();
	}

	public List<ContentProblem> warnings() {
		return problems.stream().filter(problem -> !problem.isError()).toList();
	}

	public boolean hasErrors() {
		return curriculum == null;
	}

	/** The curriculum, or an {@link InvalidContentException} listing every problem: for start-up. */
	public Curriculum orThrow() {
		if (curriculum == null) {
			throw new InvalidContentException(problems);
		}
		return curriculum;
	}

}
