package org.safesteps.guidance;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** What SafeSteps keeps and for how long: a short page for children, a full one for adults. */
@Controller
class PrivacyController {

	@GetMapping("/privacy")
	String forChildren() {
		return "privacy/children";
	}

	@GetMapping("/privacy/full")
	String full() {
		return "privacy/full";
	}

}
