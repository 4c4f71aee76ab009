package org.safesteps.learner;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.Curriculum;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.QuizResult;
import org.safesteps.theme.RequestLanguage;

/**
 * {@code /me}: the pseudonym, the quizzes taken with the best and last result (each last result can
 * be opened again, to go over it without retaking the quiz), a resume code for another device, and
 * "forget me on this device".
 */
@Controller
class MeController {

	private final Learners learners;

	private final MyResults results;

	private final Curriculum curriculum;

	MeController(Learners learners, MyResults results, Curriculum curriculum) {
		this.learners = learners;
		this.results = results;
		this.curriculum = curriculum;
	}

	@GetMapping("/me")
	String me(Model model, HttpServletRequest request) {
		Optional<Learner> learner = this.learners.current(request);
		if (learner.isEmpty()) {
			return "me/none";
		}
		model.addAttribute("learner", learner.get());
		model.addAttribute("taken", this.results.taken(learner.get()));
		return "me/me";
	}

	/** The learner's last result page for a module's quiz, as it was shown after submitting. */
	@GetMapping("/me/results/{moduleId}")
	String lastResult(@PathVariable String moduleId, Model model, HttpServletRequest request) {
		Optional<Learner> current = this.learners.current(request);
		if (current.isEmpty()) {
			return "redirect:/me";
		}
		Learner learner = current.get();
		Module module = this.curriculum.module(moduleId)
			.filter((found) -> found.hasBand(learner.band()))
			.orElseThrow(MeController::notFound);
		Localized<Quiz> quiz = module.quiz(learner.band(), RequestLanguage.of(request).code())
			.orElseThrow(MeController::notFound);
		QuizResult result = this.results.last(learner, module, quiz.value()).orElseThrow(MeController::notFound);
		RequestLanguage.describeContent(model, quiz);
		model.addAttribute("module", module);
		model.addAttribute("result", result);
		model.addAttribute("review", true);
		return "learn/result";
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/** Shows a new resume code once; only its hash is kept, so it cannot be shown again. */
	@PostMapping("/me/resume-code")
	String resumeCode(Model model, HttpServletRequest request) {
		// from the database: a code shown for a learner deleted on another instance would open nothing
		Optional<Learner> learner = this.learners.confirmed(request);
		if (learner.isEmpty()) {
			return "redirect:/me";
		}
		model.addAttribute("learner", learner.get());
		model.addAttribute("taken", this.results.taken(learner.get()));
		model.addAttribute("resumeCode", this.learners.newResumeCode(learner.get()).display());
		return "me/me";
	}

	@PostMapping("/me/forget")
	String forget(HttpServletRequest request, HttpServletResponse response) {
		this.learners.current(request).ifPresent((learner) -> this.learners.forget(learner, request, response));
		return "redirect:/me/forgotten";
	}

	@GetMapping("/me/forgotten")
	String forgotten() {
		return "me/forgotten";
	}

}
