package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safesteps.account.Account;
import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.SchoolReports;

/**
 * The admins' school view ready to show: every class with its teachers' names and its assigned
 * modules' figures, and every module assigned anywhere with the school-wide figures. Assignments
 * of modules no longer in the content are left out, as on the class page.
 */
record SchoolOverview(int learners, List<ClassLine> classes, List<ModuleLine> modules) {

	static SchoolOverview build(SchoolReports reports, Curriculum curriculum, List<SchoolClass> classes,
			List<Assignment> assignments, List<Account> accounts) {
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
		for (int i = 0; i < classes.size(); i++) {
			SchoolClass schoolClass = classes.get(i);
			SchoolReports.ClassFigures figures = school.classes().get(i);
			List<String> teachers = schoolClass.teacherIds().stream().filter(names::containsKey).map(names::get).toList();
			lines.add(new ClassLine(schoolClass, teachers, figures.learners(), figures.active(),
					figures.modules().stream().map((module) -> line(curriculum, module)).toList()));
		}
		return new SchoolOverview(school.learners(), lines,
				school.modules().stream().map((module) -> line(curriculum, module)).toList());
	}

	private static ModuleLine line(Curriculum curriculum, SchoolReports.ModuleFigures figures) {
		return new ModuleLine(ClassReport.title(curriculum, figures.moduleId()), figures);
	}

	/** A class with the names of its teachers and its modules' figures. */
	record ClassLine(SchoolClass schoolClass, List<String> teachers, int learners, int active, List<ModuleLine> modules) {
	}

	/** A module's title with its figures. */
	record ModuleLine(String title, SchoolReports.ModuleFigures figures) {
	}

}
