package org.safesteps.progress;

/**
 * No share, percentage or statistic is shown over fewer than {@value #LEARNERS} learners: with 3
 * learners in a class, "33% chose X" tells the teacher who chose X. Pages, CSV files and the school
 * view show "fewer than 5 learners" instead. Per-learner rows under pseudonyms are not figures over
 * a group and stay as they are.
 */
public final class PrivacyFloor {

	public static final int LEARNERS = 5;

	private PrivacyFloor() {
	}

	/** Whether a figure computed over this many learners must be hidden. */
	public static boolean hides(int learners) {
		return learners < LEARNERS;
	}

}
