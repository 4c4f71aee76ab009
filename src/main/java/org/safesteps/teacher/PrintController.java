package org.safesteps.teacher;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.learner.PictureCode;
import org.safesteps.progress.ClassReports;
import org.safesteps.progress.ClassTeaching;
import org.safesteps.theme.Language;
import org.safesteps.theme.RequestLanguage;

/**
 * What leaves the screen: the CSV export, the parent letter and the join poster (with the picture
 * code for the youngest band).
 */
@Controller
class PrintController {

	private final ClassAccess access;

	private final AssignmentStore assignments;

	private final Curriculum curriculum;

	private final ClassReports reports;

	private final ClassTeaching teaching;

	private final MessageSource messages;

	PrintController(ClassAccess access, AssignmentStore assignments, Curriculum curriculum, ClassReports reports,
			ClassTeaching teaching, MessageSource messages) {
		this.access = access;
		this.assignments = assignments;
		this.curriculum = curriculum;
		this.reports = reports;
		this.teaching = teaching;
		this.messages = messages;
	}

	@GetMapping("/teacher/classes/{classId}/report.csv")
	void csv(@PathVariable String classId, HttpServletRequest request, HttpServletResponse response, Locale locale)
			throws IOException {
		SchoolClass schoolClass = this.access.require(classId, request);
		Map<String, LocalDate> taughtOn = ClassModules.taughtInBand(this.curriculum, schoolClass,
				this.teaching.taught(schoolClass.id()));
		List<String> moduleIds = ClassModules.of(this.curriculum,
				this.assignments.forClass(schoolClass.id()).stream().map(Assignment::moduleId).toList(), taughtOn.keySet());
		ClassReport report = ClassReport.matrixOnly(
				moduleIds.stream().map((id) -> new ClassReport.Column(id, ClassReport.title(this.curriculum, id))).toList(),
				this.reports.matrix(schoolClass.id(), moduleIds));
		Writer out = CsvDownload.open(response, schoolClass.name() + ".csv");
		ReportCsv.write(out, schoolClass.name(), report, taughtOn, this.messages, locale);
		out.flush();
	}

	@GetMapping("/teacher/classes/{classId}/letter")
	String letter(@PathVariable String classId, HttpServletRequest request, Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		// Printed in ?lang= when given (RequestLanguage reads it), else in the class's language.
		RequestLanguage.usePageLanguage(request, Language.fromCode(schoolClass.language()).orElse(Language.ENGLISH));
		String lang = RequestLanguage.of(request).code();
		List<LetterModule> modules = new ArrayList<>();
		for (Assignment assignment : this.assignments.forClass(schoolClass.id())) {
			this.curriculum.module(assignment.moduleId()).ifPresent((module) -> modules.add(new LetterModule(module,
					assignment,
					Optional.ofNullable(module.guideId()).flatMap(this.curriculum::guide)
						.map((guide) -> absolute("/parents/" + guide.id() + "?lang=" + lang)).orElse(null))));
		}
		model.addAttribute("letterLanguage", lang);
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("teacher", this.access.teacher(request));
		model.addAttribute("modules", modules);
		model.addAttribute("parentsLink", absolute("/parents?lang=" + lang));
		return "teacher/letter";
	}

	@GetMapping("/teacher/classes/{classId}/poster")
	String poster(@PathVariable String classId, HttpServletRequest request, Model model, Locale locale) {
		SchoolClass schoolClass = this.access.require(classId, request);
		String joinLink = absolute("/join?code=" + schoolClass.joinCode());
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("joinLink", joinLink);
		model.addAttribute("joinPage", absolute("/join"));
		// the youngest read no letters yet: they tap the same pictures on /join/pictures
		model.addAttribute("pictures",
				(schoolClass.band() == Band.AGES_5_7) ? PictureCode.of(schoolClass.code()) : List.of());
		model.addAttribute("picturesPage", absolute("/join/pictures"));
		model.addAttribute("qr", QrCode.svg(joinLink,
				this.messages.getMessage("poster.qr.label", new Object[] { schoolClass.code().display() }, locale)));
		return "teacher/poster";
	}

	private static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
	}

	/** An assigned module in the parent letter, with the full address of its parent guide (or null). */
	record LetterModule(Module module, Assignment assignment, String guideLink) {
	}

}
