package org.safesteps.teacher;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.theme.Language;
import org.safesteps.theme.RequestLanguage;

/**
 * Presenter mode: a lesson on the board for a class (in the class's band and language) or from a
 * module's preview (any band), with the presenter notes as a second view on the teacher's screen.
 */
@Controller
class PresentController {

	private final ClassAccess access;

	private final Curriculum curriculum;

	PresentController(ClassAccess access, Curriculum curriculum) {
		this.access = access;
		this.curriculum = curriculum;
	}

	@GetMapping("/teacher/classes/{classId}/present/{moduleId}")
	String classBoard(@PathVariable String classId, @PathVariable String moduleId,
			@RequestParam(defaultValue = "1") int step, HttpServletRequest request, Model model) {
		forClass(classId, moduleId, request).describe(step, false, request, model);
		return "teacher/present/board";
	}

	@GetMapping("/teacher/classes/{classId}/present/{moduleId}/notes")
	String classNotes(@PathVariable String classId, @PathVariable String moduleId,
			@RequestParam(defaultValue = "1") int step, HttpServletRequest request, Model model) {
		forClass(classId, moduleId, request).describe(step, true, request, model);
		return "teacher/present/notes";
	}

	@GetMapping("/teacher/modules/{moduleId}/{bandId}/present")
	String previewBoard(@PathVariable String moduleId, @PathVariable String bandId,
			@RequestParam(defaultValue = "1") int step, HttpServletRequest request, Model model) {
		forPreview(moduleId, bandId, request).describe(step, false, request, model);
		return "teacher/present/board";
	}

	@GetMapping("/teacher/modules/{moduleId}/{bandId}/present/notes")
	String previewNotes(@PathVariable String moduleId, @PathVariable String bandId,
			@RequestParam(defaultValue = "1") int step, HttpServletRequest request, Model model) {
		forPreview(moduleId, bandId, request).describe(step, true, request, model);
		return "teacher/present/notes";
	}

	private Presentation forClass(String classId, String moduleId, HttpServletRequest request) {
		SchoolClass schoolClass = this.access.require(classId, request);
		// The class reads in its own language; the board speaks it too, unless ?lang= asks otherwise.
		RequestLanguage.usePageLanguage(request, Language.fromCode(schoolClass.language()).orElse(Language.ENGLISH));
		String base = "/teacher/classes/" + schoolClass.id() + "/present/" + moduleId;
		return Presentation.of(this.curriculum, moduleId, schoolClass.band(), RequestLanguage.of(request).code(), request,
				base, "/teacher/classes/" + schoolClass.id(), "class:" + schoolClass.id() + ":" + moduleId);
	}

	private Presentation forPreview(String moduleId, String bandId, HttpServletRequest request) {
		Band band = Band.fromId(bandId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String base = "/teacher/modules/" + moduleId + "/" + band.id() + "/present";
		return Presentation.of(this.curriculum, moduleId, band, RequestLanguage.of(request).code(), request, base,
				"/teacher/modules/" + moduleId + "/" + band.id(), "module:" + moduleId + ":" + band.id());
	}

}
