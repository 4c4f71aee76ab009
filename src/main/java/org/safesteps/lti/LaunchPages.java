package org.safesteps.lti;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Turns a refused login or launch into its page, with its 4xx status. */
@ControllerAdvice(assignableTypes = { LoginController.class, LaunchController.class })
class LaunchPages {

	@ExceptionHandler(LaunchRefused.class)
	String refused(LaunchRefused refused, HttpServletResponse response, Model model) {
		response.setStatus(refused.reason().status().value());
		model.addAttribute("reason", refused.reason().messageKey());
		model.addAttribute("status", refused.reason().status().value());
		return "lti/refused";
	}

}
