package org.safesteps.content;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Start-up with broken content: the list of problems, one per line, instead of a stack trace. */
class InvalidContentFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidContentException invalid) {
				String problems = invalid.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
				return new FailureAnalysis("The content has " + invalid.problems().size() + " problem(s):\n" + problems,
						"Fix the files named above (or run with --check-content for the full report), then start again.",
						invalid);
			}
		}
		return null;
	}

}
