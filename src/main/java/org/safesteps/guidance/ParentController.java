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
import org.safesteps.content.Localized;
import org.safesteps.theme.RequestLanguage;

/** Guidance for parents and carers: urgent "what to do now" pages first, then by topic. */
@Controller
class ParentController {

	private final Curriculum curriculum;

	ParentController(Curriculum curriculum) {
		this.curriculum = curriculum;
	}

	@GetMapping("/parents")
	String index(HttpServletRequest request, Model model) {
		List<GuidePage> guides = this.curriculum.guideList(RequestLanguage.of(request).code());
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
		Localized<GuidePage> localized = this.curriculum.guide(pageId, RequestLanguage.of(request).code())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		GuidePage guide = localized.value();
		RequestLanguage.describeContent(model, localized);
		model.addAttribute("guide", guide);
		model.addAttribute("pageSummary", guide.summary());
		model.addAttribute("body", guide.body().forCountry(HelpCountry.of(request).orElse(null)));
		model.addAttribute("modules", guide.modules().stream().flatMap((id) -> this.curriculum.module(id).stream()).toList());
		return "parents/page";
	}

}
