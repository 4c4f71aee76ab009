package org.safesteps.storage;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns data-folder problems at start-up into one clear sentence instead of a stack trace. */
class DataFolderFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataFolderInUseException inUse) {
				return new FailureAnalysis(inUse.getMessage(),
						"Stop the other instance, or start this one with SAFESTEPS_DATA_DIR set to another folder.",
						inUse);
			}
			if (cause instanceof DataFolderUnusableException unusable) {
				return new FailureAnalysis(unusable.getMessage(),
						"Check that the folder exists and is writable, or set SAFESTEPS_DATA_DIR to another folder.",
						unusable);
			}
		}
		return null;
	}

}
