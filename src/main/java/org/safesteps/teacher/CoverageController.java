package org.safesteps.teacher;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.ClassTeaching;
import org.safesteps.progress.SchoolReports;

/**
 * Curriculum coverage for inspectors and governors: a class's framework statements with the
 * completion of the modules that cover them ({@code /teacher/classes/{id}/coverage}, teachers of
 * the class), and the school's per band ({@code /admin/school/coverage}, admins); each as a
 * printable page and as CSV.
 */
@Controller
class CoverageController {

	private final ClassAccess access;

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final Curriculum curriculum;

	private final SchoolReports reports;

	private final ClassTeaching teaching;

	private final MessageSource messages;

	CoverageController(ClassAccess access, ClassStore classes, AssignmentStore assignments, Curriculum curriculum,
			SchoolReports reports, ClassTeaching teaching, MessageSource messages) {
		this.access = access;
		this.classes = classes;
		this.assignments = assignments;
		this.curriculum = curriculum;
		this.reports = reports;
		this.teaching = teaching;
		this.messages = messages;
	}

	@GetMapping("/teacher/classes/{classId}/coverage")
	String classCoverage(@PathVariable String classId, HttpServletRequest request, Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("coverage", classCoverage(schoolClass));
		return "teacher/coverage";
	}

	@GetMapping("/teacher/classes/{classId}/coverage.csv")
	void classCoverageCsv(@PathVariable String classId, HttpServletRequest request, HttpServletResponse response,
			Locale locale) throws IOException {
		SchoolClass schoolClass = this.access.require(classId, request);
		Writer out = CsvDownload.open(response, schoolClass.name() + " coverage.csv");
		CoverageCsv.writeClass(out, classCoverage(schoolClass), this.messages, locale);
		out.flush();
	}

	@GetMapping("/admin/school/coverage")
	String schoolCoverage(Model model) {
		model.addAttribute("coverage", schoolCoverage());
		model.addAttribute("frameworks", this.curriculum.evidence().frameworks());
		return "teacher/school-coverage";
	}

	@GetMapping("/admin/school/coverage.csv")
	void schoolCoverageCsv(HttpServletResponse response, Locale locale) throws IOException {
		Writer out = CsvDownload.open(response, "school coverage.csv");
		CoverageCsv.writeSchool(out, schoolCoverage(), this.messages, locale);
		out.flush();
	}

	private ClassCoverage classCoverage(SchoolClass schoolClass) {
		Map<String, LocalDate> taught = ClassModules.taughtInBand(this.curriculum, schoolClass,
				this.teaching.taught(schoolClass.id()));
		List<String> assigned = this.assignments.forClass(schoolClass.id()).stream().map(Assignment::moduleId).toList();
		List<String> moduleIds = ClassModules.of(this.curriculum, assigned, taught.keySet());
		SchoolReports.ClassFigures figures = this.reports.school(Map.of(schoolClass.id(), moduleIds)).classes().get(0);
		List<ClassCoverage.AssignedModule> modules = figures.modules().stream()
			.map((module) -> new ClassCoverage.AssignedModule(module.moduleId(),
					ClassReport.title(this.curriculum, module.moduleId()), module.completed(),
					taught.get(module.moduleId())))
			.toList();
		return ClassCoverage.build(this.curriculum.evidence(), schoolClass.band(), figures.learners(), modules);
	}

	private SchoolCoverage schoolCoverage() {
		List<SchoolClass> all = this.classes.all();
		Map<String, Map<String, LocalDate>> taughtByClass = this.teaching.taughtByClass();
		Map<String, List<String>> assignedIds = new LinkedHashMap<>();
		for (SchoolClass schoolClass : all) {
			assignedIds.put(schoolClass.id(), new ArrayList<>());
		}
		for (Assignment assignment : this.assignments.all()) {
			List<String> moduleIds = assignedIds.get(assignment.classId());
			if (moduleIds != null) {
				moduleIds.add(assignment.moduleId());
			}
		}
		Map<String, List<String>> assigned = new LinkedHashMap<>();
		Map<String, List<String>> taughtIds = new LinkedHashMap<>();
		for (SchoolClass schoolClass : all) {
			Set<String> taught = ClassModules.taughtInBand(this.curriculum, schoolClass,
					taughtByClass.getOrDefault(schoolClass.id(), Map.of())).keySet();
			taughtIds.put(schoolClass.id(), List.copyOf(taught));
			assigned.put(schoolClass.id(), ClassModules.of(this.curriculum, assignedIds.get(schoolClass.id()), taught));
		}
		SchoolReports.School school = this.reports.school(assigned);
		List<SchoolCoverage.ClassUnit> units = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			String classId = all.get(i).id();
			units.add(new SchoolCoverage.ClassUnit(all.get(i).band(), school.classes().get(i).learners(),
					assigned.get(classId), taughtIds.get(classId)));
		}
		return SchoolCoverage.build(this.curriculum.evidence(), units);
	}

}
