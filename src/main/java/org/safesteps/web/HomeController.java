package org.safesteps.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: are you a student, a parent or a teacher? */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home";
	}

}
