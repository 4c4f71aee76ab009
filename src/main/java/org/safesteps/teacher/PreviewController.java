package org.safesteps.teacher;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Framework;
import org.safesteps.content.Lesson;
import org.safesteps.content.Module;
import org.safesteps.guidance.HelpCountry;

/**
 * A teacher reads any module in any of its bands as the class will, with the quiz's right answers
 * and every option's feedback shown (children only see them after answering).
 */
@Controller
class PreviewController {

	private final Curriculum curriculum;

	PreviewController(Curriculum curriculum) {
		this.curriculum = curriculum;
	}

	@GetMapping("/teacher/modules")
	String modules(Model model) {
		model.addAttribute("modules", this.curriculum.modules());
		return "teacher/modules";
	}

	@GetMapping("/teacher/modules/{moduleId}/{bandId}")
	String preview(@PathVariable String moduleId, @PathVariable String bandId, HttpServletRequest request,
			Model model) {
		Module module = this.curriculum.module(moduleId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Band band = Band.fromId(bandId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Lesson lesson = module.lesson(band).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String country = HelpCountry.of(request).orElse(null);
		model.addAttribute("module", module);
		model.addAttribute("band", band);
		model.addAttribute("lesson", lesson);
		model.addAttribute("country", country);
		model.addAttribute("quiz", module.quiz(band).orElse(null));
		TeacherNotesView.describe(model, module, request);
		model.addAttribute("covers", this.curriculum.evidence().covered(module.id(), band));
		model.addAttribute("frameworkNames", this.curriculum.evidence().frameworks().stream()
			.collect(Collectors.toMap(Framework::id, Framework::name)));
		return "teacher/preview";
	}

}
