package org.safesteps.classroom;

/**
 * What happened to a class that other features must act on. Published in-process; the learner
 * feature deletes the learners and everything they own.
 */
public final class ClassEvents {

	private ClassEvents() {
	}

	/** A teacher removed a learner from a class: the learner and all their data must go. */
	public record LearnerRemoved(String classId, String learnerId) {
	}

	/** A class was deleted: its learners and all their data must go. */
	public record ClassDeleted(String classId) {
	}

}
