package org.safesteps.teacher;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import org.safesteps.account.Account;
import org.safesteps.classroom.ClassDeletion;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.theme.RequestLanguage;

/** /teacher: the signed-in teacher's classes and a form to make a new one. */
@Controller
class TeacherController {

	private final ClassStore classes;

	private final ClassAccess access;

	private final ClassDeletion deletion;

	TeacherController(ClassStore classes, ClassAccess access, ClassDeletion deletion) {
		this.classes = classes;
		this.access = access;
		this.deletion = deletion;
	}

	@GetMapping("/teacher")
	String classes(HttpServletRequest request, Model model) {
		if (!model.containsAttribute("classForm")) {
			model.addAttribute("classForm", new ClassForm("", null, RequestLanguage.of(request).code()));
		}
		Account teacher = this.access.teacher(request);
		// a deletion that a failure interrupted finishes here, the next time its owner looks
		this.deletion.finishInterrupted(teacher.id());
		List<SchoolClass> mine = this.classes.taughtBy(teacher.id());
		model.addAttribute("teacher", teacher);
		model.addAttribute("classes", mine);
		model.addAttribute("bands", Band.values());
		return "teacher/classes";
	}

	@PostMapping("/teacher/classes")
	String create(@Valid @ModelAttribute ClassForm classForm, BindingResult result, HttpServletRequest request,
			Model model) {
		if (result.hasErrors()) {
			return classes(request, model);
		}
		SchoolClass created = this.classes.create(classForm.name(), classForm.band(), this.access.teacher(request).id(),
				classForm.languageCode());
		return "redirect:/teacher/classes/" + created.id();
	}

}
