package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safesteps.content.Band;
import org.safesteps.content.Evidence;
import org.safesteps.content.Framework;
import org.safesteps.content.FrameworkStatement;

/**
 * What a class's assigned modules cover: for the class's band, every framework statement for its
 * ages grouped by framework and strand, each with the assigned modules whose lesson covers it and
 * the share of the class's learners who completed each (hidden below {@link Share#FLOOR} learners).
 * Statements no assigned module covers are kept, marked so, because an inspector asks about gaps too.
 * A module taught to the whole class from the front counts as covering, with the day it was taught,
 * whether or not it is assigned: a class without devices has no learners' completions to show.
 */
record ClassCoverage(Band band, int learners, List<FrameworkSection> frameworks) {

	static ClassCoverage build(Evidence evidence, Band band, int learners, List<AssignedModule> assigned) {
		List<FrameworkSection> sections = new ArrayList<>();
		for (Framework framework : evidence.frameworks()) {
			Map<String, List<StatementLine>> strands = new LinkedHashMap<>();
			for (FrameworkStatement statement : evidence.statementsFor(framework, band)) {
				List<Covering> covering = new ArrayList<>();
				for (AssignedModule module : assigned) {
					if (evidence.covered(module.moduleId(), band).contains(statement)) {
						covering.add(new Covering(module.moduleId(), module.title(), new Share(module.completed(), learners),
								module.taughtOn()));
					}
				}
				strands.computeIfAbsent(statement.strand(), (key) -> new ArrayList<>())
					.add(new StatementLine(statement, covering));
			}
			if (!strands.isEmpty()) {
				sections.add(new FrameworkSection(framework, strands.entrySet().stream()
					.map((entry) -> new StrandSection(entry.getKey(), entry.getValue())).toList()));
			}
		}
		return new ClassCoverage(band, learners, sections);
	}

	/** Whether completion shares are shown: the class has at least {@link Share#FLOOR} learners. */
	public boolean sharesShown() {
		return Share.shown(this.learners);
	}

	/**
	 * A module assigned to the class or taught to it from the front, with how many of its learners
	 * completed it and the day it was taught to the class (null: not taught from the front).
	 */
	record AssignedModule(String moduleId, String title, int completed, LocalDate taughtOn) {
	}

	/** One framework's statements for the band, by strand in the framework's order. */
	record FrameworkSection(Framework framework, List<StrandSection> strands) {

		public long covered() {
			return this.strands.stream().flatMap((strand) -> strand.statements().stream()).filter(StatementLine::covered).count();
		}

		public long total() {
			return this.strands.stream().mapToLong((strand) -> strand.statements().size()).sum();
		}

	}

	record StrandSection(String strand, List<StatementLine> statements) {
	}

	/** A statement and the assigned modules that cover it (none: a gap). */
	record StatementLine(FrameworkStatement statement, List<Covering> modules) {

		public boolean covered() {
			return !this.modules.isEmpty();
		}

	}

	/** A module covering a statement, with its completed share of the class and the day taught from the front. */
	record Covering(String moduleId, String title, Share completed, LocalDate taughtOn) {
	}

}
