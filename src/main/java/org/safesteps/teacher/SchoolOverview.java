package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.safesteps.account.Account;
import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.SchoolReports;

/**
 * The admins' school view ready to show: every class with its teachers' names, its assigned
 * modules' figures and the modules taught to it from the front, every module assigned anywhere with
 * the school-wide figures, and every module taught from the front with the number of classes.
 * Modules no longer in the content are left out, as on the class page.
 */
record SchoolOverview(int learners, List<ClassLine> classes, List<ModuleLine> modules, List<TaughtModule> taught) {

	/**
	 * @param taughtByClass class id to module id to the day it was taught to the class from the front
	 */
	static SchoolOverview build(SchoolReports reports, Curriculum curriculum, List<SchoolClass> classes,
			List<Assignment> assignments, List<Account> accounts, Map<String, Map<String, LocalDate>> taughtByClass) {
		Map<String, List<String>> assigned = new LinkedHashMap<>();
		for (SchoolClass schoolClass : classes) {
			assigned.put(schoolClass.id(), new ArrayList<>());
		}
		for (Assignment assignment : assignments) {
			List<String> moduleIds = assigned.get(assignment.classId());
			if (moduleIds != null && curriculum.module(assignment.moduleId()).isPresent()) {
				moduleIds.add(assignment.moduleId());
			}
		}
		Map<String, String> names = new LinkedHashMap<>();
		for (Account account : accounts) {
			names.put(account.id(), account.name());
		}
		SchoolReports.School school = reports.school(assigned);
		List<ClassLine> lines = new ArrayList<>();
		Map<String, Integer> taughtClasses = new TreeMap<>();
		for (int i = 0; i < classes.size(); i++) {
			SchoolClass schoolClass = classes.get(i);
			SchoolReports.ClassFigures figures = school.classes().get(i);
			List<String> teachers = schoolClass.teacherIds().stream().filter(names::containsKey).map(names::get).toList();
			List<TaughtLesson> taught = new ArrayList<>();
			taughtByClass.getOrDefault(schoolClass.id(), Map.of()).forEach((moduleId, day) -> {
				if (curriculum.module(moduleId).isPresent()) {
					taught.add(new TaughtLesson(ClassReport.title(curriculum, moduleId), day));
					taughtClasses.merge(moduleId, 1, Integer::sum);
				}
			});
			lines.add(new ClassLine(schoolClass, teachers, figures.learners(), figures.active(),
					figures.modules().stream().map((module) -> line(curriculum, module)).toList(), taught));
		}
		List<TaughtModule> taught = taughtClasses.entrySet().stream()
			.map((entry) -> new TaughtModule(ClassReport.title(curriculum, entry.getKey()), entry.getValue()))
			.toList();
		return new SchoolOverview(school.learners(), lines,
				school.modules().stream().map((module) -> line(curriculum, module)).toList(), taught);
	}

	private static ModuleLine line(Curriculum curriculum, SchoolReports.ModuleFigures figures) {
		return new ModuleLine(ClassReport.title(curriculum, figures.moduleId()), figures);
	}

	/** A class with the names of its teachers, its modules' figures and what was taught to it from the front. */
	record ClassLine(SchoolClass schoolClass, List<String> teachers, int learners, int active, List<ModuleLine> modules,
			List<TaughtLesson> taught) {
	}

	/** A module taught to a whole class from the front, and the day. */
	record TaughtLesson(String title, LocalDate on) {
	}

	/** A module taught from the front somewhere in the school, and to how many classes. */
	record TaughtModule(String title, int classes) {
	}

	/** A module's title with its figures. */
	record ModuleLine(String title, SchoolReports.ModuleFigures figures) {
	}

}
