package org.safesteps.learner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.ConfidenceCheck;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.progress.ConfidenceStore;
import org.safesteps.theme.RequestLanguage;

/**
 * The confidence check ({@code /learn/{module}/check/before} and {@code /after}): a learner rates
 * each statement from "not sure" to "very sure", or skips with one button. Never graded and no
 * free text; answers are kept under the learner's pseudonymous id like their progress.
 */
@Controller
class CheckController {

	private static final List<Integer> LEVELS = IntStream.rangeClosed(1, ConfidenceStore.LEVELS).boxed().toList();

	private final Curriculum curriculum;

	private final Learners learners;

	private final ConfidenceStore confidence;

	CheckController(Curriculum curriculum, Learners learners, ConfidenceStore confidence) {
		this.curriculum = curriculum;
		this.learners = learners;
		this.confidence = confidence;
	}

	@GetMapping("/learn/{moduleId}/check/{phase}")
	String form(@PathVariable String moduleId, @PathVariable String phase, Model model, HttpServletRequest request) {
		Optional<Learner> current = this.learners.current(request);
		if (current.isEmpty()) {
			return "redirect:/explore";
		}
		Module module = module(moduleId, current.get());
		model.addAttribute("module", module);
		model.addAttribute("phase", phase(phase));
		// the statements in the learner's reading language when translated (answers are kept by statement id)
		Localized<ConfidenceCheck> check = this.curriculum.evidence()
			.check(module.id(), current.get().band(), RequestLanguage.of(request).code())
			.orElseThrow(CheckController::notFound);
		model.addAttribute("check", check.value());
		model.addAttribute("checkLang", check.language());
		model.addAttribute("levels", LEVELS);
		return "learn/check";
	}

	@PostMapping("/learn/{moduleId}/check/{phase}")
	String save(@PathVariable String moduleId, @PathVariable String phase,
			@RequestParam(name = "skip", required = false) String skip, HttpServletRequest request) {
		// from the database: no answer is stored for a learner just deleted on another instance
		Optional<Learner> current = this.learners.confirmed(request);
		if (current.isEmpty()) {
			return "redirect:/explore";
		}
		Learner learner = current.get();
		Module module = module(moduleId, learner);
		ConfidenceStore.Phase when = phase(phase);
		ConfidenceCheck check = check(module, learner);
		Map<String, Integer> levels = new LinkedHashMap<>();
		if (skip == null) {
			for (ConfidenceCheck.Statement statement : check.statements()) {
				String value = request.getParameter("s-" + statement.id());
				if (value != null) {
					levels.put(statement.id(), level(value));
				}
			}
		}
		// nothing chosen counts as skipped: every statement is optional
		this.confidence.save(learner.owner(), module.id(), when, levels, levels.isEmpty());
		return (when == ConfidenceStore.Phase.BEFORE) ? "redirect:/learn/" + module.id() : "redirect:/learn";
	}

	private Module module(String moduleId, Learner learner) {
		return this.curriculum.module(moduleId).filter((module) -> module.hasBand(learner.band()))
			.orElseThrow(CheckController::notFound);
	}

	private ConfidenceCheck check(Module module, Learner learner) {
		return this.curriculum.evidence().check(module.id(), learner.band()).orElseThrow(CheckController::notFound);
	}

	private static ConfidenceStore.Phase phase(String id) {
		return ConfidenceStore.Phase.fromId(id).orElseThrow(CheckController::notFound);
	}

	private static int level(String value) {
		try {
			int level = Integer.parseInt(value);
			if (LEVELS.contains(level)) {
				return level;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to bad request
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
