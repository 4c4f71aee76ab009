package org.safesteps.guidance;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.Localized;
import org.safesteps.theme.RequestLanguage;

/**
 * /papers/{paper}: the DPIA, the retention schedule and the accessibility conformance report, for a
 * school's data protection officer and accessibility lead, linked from the full privacy notice.
 */
@Controller
class SchoolPapersController {

	private final SchoolPapers papers;

	SchoolPapersController(SchoolPapers papers) {
		this.papers = papers;
	}

	@GetMapping("/papers/{paper}")
	String paper(@PathVariable String paper, HttpServletRequest request, Model model) {
		SchoolPapers.Paper found = this.papers.paper(paper)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("paper", found);
		// the papers are written in English only; other languages get the English with a note
		String language = RequestLanguage.of(request).code();
		RequestLanguage.describeContent(model,
				new Localized<>(found, Localized.ENGLISH, !Localized.ENGLISH.equals(language)));
		return "privacy/paper";
	}

}
