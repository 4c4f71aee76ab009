package org.safesteps.learner;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /me}: the pseudonym, a resume code for another device, and "forget me on this device". */
@Controller
class MeController {

	private final Learners learners;

	MeController(Learners learners) {
		this.learners = learners;
	}

	@GetMapping("/me")
	String me(Model model, HttpServletRequest request) {
		Optional<Learner> learner = this.learners.current(request);
		if (learner.isEmpty()) {
			return "me/none";
		}
		model.addAttribute("learner", learner.get());
		return "me/me";
	}

	/** Shows a new resume code once; only its hash is kept, so it cannot be shown again. */
	@PostMapping("/me/resume-code")
	String resumeCode(Model model, HttpServletRequest request) {
		Optional<Learner> learner = this.learners.current(request);
		if (learner.isEmpty()) {
			return "redirect:/me";
		}
		model.addAttribute("learner", learner.get());
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
