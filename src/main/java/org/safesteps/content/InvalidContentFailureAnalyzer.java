package org.safesteps.content;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Start-up with broken content: the list of problems, one per line, instead of a stack trace. */
class InvalidContentFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidContentException invalid) {
				// The exception's message is the list of problems, one per line.
				return new FailureAnalysis("The content has " + invalid.problems().size() + " problem(s):\n" + invalid.getMessage(),
						"Fix the files named above (or run with --check-content for the full report), then start again.",
						invalid);
			}
		}
		return null;
	}

}
