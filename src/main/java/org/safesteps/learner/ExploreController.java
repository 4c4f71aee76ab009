package org.safesteps.learner;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.theme.RequestTheme;

/**
 * {@code /explore}: learning without a class. Looking at a band's modules changes nothing; starting
 * one (a POST) makes this browser a self-learner in that band. The band is kept on the learner
 * document, which the learner cookie points at, so there is one cookie and one source of truth.
 */
@Controller
class ExploreController {

	private final Curriculum curriculum;

	private final Learners learners;

	ExploreController(Curriculum curriculum, Learners learners) {
		this.curriculum = curriculum;
		this.learners = learners;
	}

	@GetMapping("/explore")
	String bands(Model model, HttpServletRequest request) {
		model.addAttribute("learner", this.learners.current(request).orElse(null));
		model.addAttribute("bands", Arrays.asList(Band.values()));
		return "learn/explore";
	}

	@GetMapping("/explore/{bandId}")
	String band(@PathVariable String bandId, Model model, HttpServletRequest request) {
		Band band = band(bandId);
		this.learners.current(request);
		RequestTheme.useBand(request, band);
		model.addAttribute("band", band);
		model.addAttribute("modules", this.curriculum.modulesFor(band));
		return "learn/explore-band";
	}

	/** Starts learning in a band, optionally straight into one module. */
	@PostMapping("/explore/{bandId}")
	String start(@PathVariable String bandId, @RequestParam(name = "module", required = false) String moduleId,
			HttpServletRequest request, HttpServletResponse response) {
		Band band = band(bandId);
		Learner learner = this.learners.learnAlone(band, request, response);
		if (moduleId != null && this.curriculum.module(moduleId).filter((m) -> m.hasBand(learner.band())).isPresent()) {
			return "redirect:/learn/" + moduleId;
		}
		return "redirect:/learn";
	}

	private static Band band(String id) {
		return Band.fromId(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
