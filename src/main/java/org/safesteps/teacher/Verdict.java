package org.safesteps.teacher;

/**
 * A question's statistics in plain words for teachers and content authors. A negative
 * discrimination comes first: the learners who did best on the rest of the quiz missed this one
 * more often than the others, which usually means its wording or its options mislead.
 */
enum Verdict {

	CONFUSING("report.stats.verdict.confusing"), EASY("report.stats.verdict.easy"), HARD("report.stats.verdict.hard"),
	MIXED("report.stats.verdict.mixed");

	/** At least this share right (facility, percent): most of the class got it. */
	static final int EASY_FROM = 80;

	/** Under this share right: many found it hard. */
	static final int HARD_UNDER = 40;

	private final String key;

	Verdict(String key) {
		this.key = key;
	}

	String key() {
		return this.key;
	}

	static Verdict of(double facility, Double discrimination) {
		if (discrimination != null && discrimination < 0) {
			return CONFUSING;
		}
		if (facility >= EASY_FROM) {
			return EASY;
		}
		return (facility < HARD_UNDER) ? HARD : MIXED;
	}

}
