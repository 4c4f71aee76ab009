package org.safesteps.lti;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.safesteps.lti.LaunchRefused.Reason;

/**
 * /lti/launch: the platform's form post with the id_token. A verified launch sends the browser on
 * (teacher to their class, learner to the lesson); anything else is a plain page saying what the
 * platform's administrator should check.
 */
@Controller
class LtiLaunchController {

	private final LaunchVerifier verifier;

	private final PlatformEntry entry;

	LtiLaunchController(LaunchVerifier verifier, PlatformEntry entry) {
		this.verifier = verifier;
		this.entry = entry;
	}

	@PostMapping("/lti/launch")
	String launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(name = "state", required = false) String state, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		try {
			Launch launch = this.verifier.verify(idToken, state);
			PlatformEntry.Destination destination = this.entry.enter(launch, request, response);
			destination.notice().ifPresent((notice) -> redirect.addFlashAttribute("notice", notice));
			return "redirect:" + destination.path();
		}
		catch (LaunchRefused refused) {
			return refused.page(response, model);
		}
	}

	/** A launch is always a form post; a link or bookmark to this address is not one. */
	@GetMapping("/lti/launch")
	String notALaunch(HttpServletResponse response, Model model) {
		return new LaunchRefused(Reason.MISSING_PARAMETER).page(response, model);
	}

}
