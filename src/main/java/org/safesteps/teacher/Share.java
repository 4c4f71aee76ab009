package org.safesteps.teacher;

/**
 * A part of a group of learners (completed a module, answered "quite sure"...), shown only when
 * the group has at least {@link #FLOOR} learners: below that a figure could point at one child,
 * so pages and CSV say "fewer than 5" instead.
 */
record Share(int count, int total) {

	/** The smallest group a figure is shown for. */
	static final int FLOOR = 5;

	/** Whether the group is large enough for its figures to be shown. */
	public boolean shown() {
		return shown(this.total);
	}

	static boolean shown(int groupSize) {
		return groupSize >= FLOOR;
	}

	/** The share in whole percent, 0-100 (0 for an empty group). */
	public int percent() {
		return (this.total == 0) ? 0 : Math.round(100f * this.count / this.total);
	}

}
