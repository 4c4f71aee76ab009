package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Curriculum;

/**
 * The modules a class's reports (the CSV export, curriculum coverage) show: those assigned to it
 * and still in the content, then those taught to the whole class from the front without being
 * assigned, still in the content for the class's band. One rule for every report, so they never disagree on a class.
 */
final class ClassModules {

	private ClassModules() {
	}

	/** The days modules were taught from the front, kept only for modules still in the content for the band. */
	static Map<String, LocalDate> taughtInBand(Curriculum curriculum, SchoolClass schoolClass,
			Map<String, LocalDate> taught) {
		Map<String, LocalDate> kept = new LinkedHashMap<>();
		taught.forEach((moduleId, day) -> {
			if (inBand(curriculum, schoolClass, moduleId)) {
				kept.put(moduleId, day);
			}
		});
		return kept;
	}

	/**
	 * The assigned modules still in the content, in the class's order, then the modules taught from
	 * the front (as {@link #taughtInBand} keeps them) that are not assigned.
	 */
	static List<String> of(Curriculum curriculum, List<String> assigned, Set<String> taughtInBand) {
		Set<String> modules = new LinkedHashSet<>();
		for (String moduleId : assigned) {
			if (curriculum.module(moduleId).isPresent()) {
				modules.add(moduleId);
			}
		}
		modules.addAll(taughtInBand);
		return new ArrayList<>(modules);
	}

	private static boolean inBand(Curriculum curriculum, SchoolClass schoolClass, String moduleId) {
		return curriculum.module(moduleId).filter((module) -> module.hasBand(schoolClass.band())).isPresent();
	}

}
