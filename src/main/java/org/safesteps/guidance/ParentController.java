package org.safesteps.guidance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.Curriculum;
import org.safesteps.content.GuidePage;

/** Guidance for parents and carers: urgent "what to do now" pages first, then by topic. */
@Controller
class ParentController {

	private final Curriculum curriculum;

	ParentController(Curriculum curriculum) {
		this.curriculum = curriculum;
	}

	@GetMapping("/parents")
	String index(Model model) {
		List<GuidePage> guides = this.curriculum.guideList();
		Map<String, List<GuidePage>> byTopic = new LinkedHashMap<>();
		for (GuidePage guide : guides) {
			if (!guide.urgent()) {
				byTopic.computeIfAbsent(guide.topic(), (topic) -> new java.util.ArrayList<>()).add(guide);
			}
		}
		model.addAttribute("urgent", guides.stream().filter(GuidePage::urgent).toList());
		model.addAttribute("byTopic", byTopic);
		return "parents/index";
	}

	@GetMapping("/parents/{pageId}")
	String page(@PathVariable String pageId, HttpServletRequest request, Model model) {
		GuidePage guide = this.curriculum.guide(pageId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("guide", guide);
		model.addAttribute("body", guide.body().forCountry(HelpCountry.of(request).orElse(null)));
		model.addAttribute("modules", guide.modules().stream().flatMap((id) -> this.curriculum.module(id).stream()).toList());
		return "parents/page";
	}

}
