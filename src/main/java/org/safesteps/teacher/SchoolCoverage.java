package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.List;

import org.safesteps.content.Band;
import org.safesteps.content.Evidence;
import org.safesteps.content.Framework;
import org.safesteps.content.FrameworkStatement;

/**
 * The school's coverage: per band (with its classes and learners), per framework, each statement
 * for the band's ages with the number of classes whose assigned modules cover it and the learners
 * in those classes, and how many of those classes were taught a covering module from the front.
 * A learner count under {@link Share#FLOOR} is shown as "fewer than 5"; a count of classes is not a
 * figure about children, so it is always shown.
 */
record SchoolCoverage(List<BandSection> bands) {

	static SchoolCoverage build(Evidence evidence, List<ClassUnit> classes) {
		List<BandSection> sections = new ArrayList<>();
		for (Band band : Band.values()) {
			List<ClassUnit> inBand = classes.stream().filter((unit) -> unit.band() == band).toList();
			List<FrameworkRows> frameworks = new ArrayList<>();
			for (Framework framework : evidence.frameworks()) {
				List<StatementRow> rows = new ArrayList<>();
				for (FrameworkStatement statement : evidence.statementsFor(framework, band)) {
					int covering = 0;
					int taught = 0;
					int learners = 0;
					for (ClassUnit unit : inBand) {
						if (evidence.coveredIds(unit.moduleIds(), band).contains(statement.id())) {
							covering++;
							learners += unit.learners();
							if (evidence.coveredIds(unit.taughtIds(), band).contains(statement.id())) {
								taught++;
							}
						}
					}
					rows.add(new StatementRow(statement, covering, taught, learners));
				}
				if (!rows.isEmpty()) {
					frameworks.add(new FrameworkRows(framework, rows));
				}
			}
			sections.add(new BandSection(band, inBand.size(), inBand.stream().mapToInt(ClassUnit::learners).sum(),
					frameworks));
		}
		return new SchoolCoverage(sections);
	}

	/**
	 * A class as coverage sees it: its band, how many learners, its modules (assigned or taught from
	 * the front) and, of those, the ones taught to the whole class from the front.
	 */
	record ClassUnit(Band band, int learners, List<String> moduleIds, List<String> taughtIds) {
	}

	record BandSection(Band band, int classes, int learners, List<FrameworkRows> frameworks) {

		public boolean learnersShown() {
			return Share.shown(this.learners);
		}

	}

	record FrameworkRows(Framework framework, List<StatementRow> rows) {
	}

	/**
	 * A statement with the classes covering it, how many of them were taught a covering module from
	 * the front, and the learners in the covering classes.
	 */
	record StatementRow(FrameworkStatement statement, int classes, int taughtClasses, int learners) {

		public boolean learnersShown() {
			return Share.shown(this.learners);
		}

	}

}
