package org.safesteps.teacher;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.safesteps.content.Band;
import org.safesteps.content.ConfidenceCheck;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.ConfidenceStore;

/**
 * "Did it work?": the confidence check's before and after ratings per assigned module, for a
 * class ({@code /teacher/classes/{id}/confidence}) and for the school per band and module
 * ({@code /admin/school/confidence}), as printable pages and CSV.
 */
@Controller
class ConfidenceController {

	private final ClassAccess access;

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final Curriculum curriculum;

	private final ConfidenceStore confidence;

	private final MessageSource messages;

	ConfidenceController(ClassAccess access, ClassStore classes, AssignmentStore assignments, Curriculum curriculum,
			ConfidenceStore confidence, MessageSource messages) {
		this.access = access;
		this.classes = classes;
		this.assignments = assignments;
		this.curriculum = curriculum;
		this.confidence = confidence;
		this.messages = messages;
	}

	@GetMapping("/teacher/classes/{classId}/confidence")
	String classPage(@PathVariable String classId, HttpServletRequest request, Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("reports", forClass(schoolClass));
		return "teacher/confidence";
	}

	@GetMapping("/teacher/classes/{classId}/confidence.csv")
	void classCsv(@PathVariable String classId, HttpServletRequest request, HttpServletResponse response, Locale locale)
			throws IOException {
		SchoolClass schoolClass = this.access.require(classId, request);
		Writer out = CsvDownload.open(response, schoolClass.name() + " confidence.csv");
		ConfidenceCsv.write(out, forClass(schoolClass), this.messages, locale);
		out.flush();
	}

	@GetMapping("/admin/school/confidence")
	String schoolPage(Model model) {
		model.addAttribute("reports", forSchool());
		return "teacher/confidence";
	}

	@GetMapping("/admin/school/confidence.csv")
	void schoolCsv(HttpServletResponse response, Locale locale) throws IOException {
		Writer out = CsvDownload.open(response, "school confidence.csv");
		ConfidenceCsv.write(out, forSchool(), this.messages, locale);
		out.flush();
	}

	private List<ConfidenceReport> forClass(SchoolClass schoolClass) {
		List<ConfidenceReport> reports = new ArrayList<>();
		for (Assignment assignment : this.assignments.forClass(schoolClass.id())) {
			this.curriculum.evidence().check(assignment.moduleId(), schoolClass.band())
				.filter((check) -> this.curriculum.module(assignment.moduleId()).isPresent())
				.ifPresent((check) -> reports.add(report(assignment.moduleId(), schoolClass.band(), check,
						List.of(schoolClass.id()))));
		}
		return reports;
	}

	/** Per band, every module assigned to a class of the band, over those classes. */
	private List<ConfidenceReport> forSchool() {
		Map<String, SchoolClass> byId = new LinkedHashMap<>();
		this.classes.all().forEach((schoolClass) -> byId.put(schoolClass.id(), schoolClass));
		Map<Band, Map<String, Set<String>>> assigned = new LinkedHashMap<>();
		for (Band band : Band.values()) {
			assigned.put(band, new LinkedHashMap<>());
		}
		for (Assignment assignment : this.assignments.all()) {
			SchoolClass schoolClass = byId.get(assignment.classId());
			if (schoolClass != null) {
				assigned.get(schoolClass.band()).computeIfAbsent(assignment.moduleId(), (key) -> new LinkedHashSet<>())
					.add(schoolClass.id());
			}
		}
		List<ConfidenceReport> reports = new ArrayList<>();
		assigned.forEach((band, modules) -> this.curriculum.modulesFor(band).forEach((module) -> {
			Set<String> classIds = modules.get(module.id());
			if (classIds != null) {
				this.curriculum.evidence().check(module.id(), band)
					.ifPresent((check) -> reports.add(report(module.id(), band, check, List.copyOf(classIds))));
			}
		}));
		return reports;
	}

	private ConfidenceReport report(String moduleId, Band band, ConfidenceCheck check, List<String> classIds) {
		return ConfidenceReport.of(moduleId, ClassReport.title(this.curriculum, moduleId), band, classIds.size(), check,
				this.confidence.forClasses(classIds, moduleId));
	}


}
