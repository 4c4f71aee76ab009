package org.safesteps.learner;

import java.time.LocalDate;

import org.safesteps.content.Module;
import org.safesteps.progress.Progress;

/**
 * A module on a child's list: whether the class was given it (and by when), and how far they got.
 *
 * @param progress null when not started
 */
public record ModuleCard(Module module, boolean assigned, LocalDate dueOn, Progress progress) {

	/** {@code not-started}, {@code in-progress} or {@code completed}; also a CSS class and a message key. */
	public String state() {
		if (this.progress == null) {
			return "not-started";
		}
		return this.progress.completed() ? "completed" : "in-progress";
	}

}
