package org.safesteps.content;

import java.util.List;

/**
 * What loading content/ produced: the curriculum (null if any error), every problem, lesson
 * readability, the translated lessons whose readability is not measured (the Flesch-Kincaid
 * grade is for English text only), and the translations a complete language still lacks (the paths
 * they would have; the content still loads without them).
 */
public record LoadResult(Curriculum curriculum, List<ContentProblem> problems, List<ReadabilityScore> readability,
		List<String> readabilityNotMeasured, List<String> missingTranslations) {

	public LoadResult {
		problems = List.copyOf(problems);
		readability = List.copyOf(readability);
		readabilityNotMeasured = List.copyOf(readabilityNotMeasured);
		missingTranslations = List.copyOf(missingTranslations);
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
