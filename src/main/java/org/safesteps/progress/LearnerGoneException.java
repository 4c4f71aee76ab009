package org.safesteps.progress;

/**
 * A quiz submission for a learner who is no longer in the database (deleted since their page read
 * a kept copy of them, on this instance or another): nothing was stored for it.
 */
public class LearnerGoneException extends RuntimeException {

	public LearnerGoneException(String learnerId) {
		super("No learner " + learnerId + " in the database: nothing stored");
	}

}
