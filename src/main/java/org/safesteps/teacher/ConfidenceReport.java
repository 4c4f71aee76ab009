package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.List;

import org.safesteps.content.Band;
import org.safesteps.content.ConfidenceCheck;
import org.safesteps.progress.ConfidenceStore;

/**
 * The confidence check of one module and band, for a class or summed over classes: per statement,
 * how the learners rated it before the lesson and after the quiz, and the shift in the share who
 * felt quite or very sure. A phase with fewer than {@link Share#FLOOR} answers shows no figures.
 */
record ConfidenceReport(String moduleId, String title, Band band, int classes, List<StatementFigures> statements) {

	static ConfidenceReport of(String moduleId, String title, Band band, int classes, ConfidenceCheck check,
			List<ConfidenceStore.Answers> answers) {
		List<StatementFigures> statements = new ArrayList<>();
		for (ConfidenceCheck.Statement statement : check.statements()) {
			statements.add(new StatementFigures(statement, distribution(answers, ConfidenceStore.Phase.BEFORE, statement),
					distribution(answers, ConfidenceStore.Phase.AFTER, statement)));
		}
		return new ConfidenceReport(moduleId, title, band, classes, statements);
	}

	private static Distribution distribution(List<ConfidenceStore.Answers> answers, ConfidenceStore.Phase phase,
			ConfidenceCheck.Statement statement) {
		int[] counts = new int[ConfidenceStore.LEVELS];
		for (ConfidenceStore.Answers one : answers) {
			Integer level = one.levels().get(statement.id());
			if (one.phase() == phase && !one.skipped() && level != null && level >= 1 && level <= ConfidenceStore.LEVELS) {
				counts[level - 1]++;
			}
		}
		List<Integer> list = new ArrayList<>();
		for (int count : counts) {
			list.add(count);
		}
		return new Distribution(list);
	}

	/** A statement's ratings before and after. */
	record StatementFigures(ConfidenceCheck.Statement statement, Distribution before, Distribution after) {

		/** Whether both phases have enough answers for a shift to be shown. */
		public boolean shiftShown() {
			return this.before.shown() && this.after.shown();
		}

		/** Percentage points gained (or lost) by "quite sure" and "very sure" together. */
		public int shift() {
			return this.after.surePercent() - this.before.surePercent();
		}

	}

	/** How many answers gave each level, from "not sure" (index 0) to "very sure". */
	record Distribution(List<Integer> counts) {

		Distribution {
			counts = List.copyOf(counts);
		}

		public int answers() {
			return this.counts.stream().mapToInt(Integer::intValue).sum();
		}

		public boolean shown() {
			return Share.shown(answers());
		}

		/** The share of the answers at a level (1-4), in whole percent. */
		public int percent(int level) {
			return new Share(this.counts.get(level - 1), answers()).percent();
		}

		/** The share who answered "quite sure" or "very sure", in whole percent. */
		public int surePercent() {
			return new Share(this.counts.get(2) + this.counts.get(3), answers()).percent();
		}

	}

}
