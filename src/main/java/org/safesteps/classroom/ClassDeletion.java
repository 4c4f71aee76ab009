package org.safesteps.classroom;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Deletes a class and everything that belongs to it, as one operation that survives a failure
 * midway without multi-document transactions: the class is first marked deleted (from then on no
 * page shows it and no code joins it), then its assignments go, then its learners and their data
 * (the {@link ClassEvents.ClassDeleted} listeners), and only then the class document itself. Each
 * step is idempotent, so running it again completes what a failed run started.
 */
@Component
public class ClassDeletion {

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final ApplicationEventPublisher events;

	ClassDeletion(ClassStore classes, AssignmentStore assignments, ApplicationEventPublisher events) {
		this.classes = classes;
		this.assignments = assignments;
		this.events = events;
	}

	/** Deletes the class if this account owns it (or finishes deleting it); false if it owns no such class. */
	public boolean delete(String classId, String ownerId) {
		if (!this.classes.markDeleted(classId, ownerId)) {
			return false;
		}
		finish(classId);
		return true;
	}

	/** Completes the deletions of this owner's classes that a failure interrupted. */
	public void finishInterrupted(String ownerId) {
		this.classes.markedDeleted(ownerId).forEach(this::finish);
	}

	private void finish(String classId) {
		this.assignments.deleteClass(classId);
		this.events.publishEvent(new ClassEvents.ClassDeleted(classId));
		this.classes.delete(classId);
	}

}
