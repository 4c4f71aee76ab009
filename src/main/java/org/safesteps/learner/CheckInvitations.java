package org.safesteps.learner;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.ConfidenceStore;
import org.safesteps.theme.PageModel;

/**
 * Offers the confidence check on the lesson and quiz pages without touching their handlers: on
 * the first step of a lesson (until the learner answered or skipped it) and under a quiz result.
 * The result page takes the band from the quiz form instead of looking the learner up, so the
 * busiest request of the day costs no extra database read; the check page itself checks the learner.
 */
@Component
class CheckInvitations implements PageModel {

	private static final String LESSON = "/learn/{moduleId}";

	private static final String QUIZ = "/learn/{moduleId}/quiz";

	private final Curriculum curriculum;

	private final Learners learners;

	private final ConfidenceStore confidence;

	CheckInvitations(Curriculum curriculum, Learners learners, ConfidenceStore confidence) {
		this.curriculum = curriculum;
		this.learners = learners;
		this.confidence = confidence;
	}

	@Override
	public void addTo(HttpServletRequest request, Model model) {
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
				|| !LearnController.class.isAssignableFrom(handler.getBeanType())) {
			return;
		}
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (!(variables instanceof java.util.Map<?, ?> map) || !(map.get("moduleId") instanceof String moduleId)) {
			return;
		}
		String step = request.getParameter("step");
		if (LESSON.equals(pattern) && "GET".equals(request.getMethod()) && (step == null || "1".equals(step))) {
			this.learners.current(request)
				.filter((learner) -> this.curriculum.evidence().check(moduleId, learner.band()).isPresent())
				.filter((learner) -> !this.confidence.done(learner.id(), moduleId, ConfidenceStore.Phase.BEFORE))
				.ifPresent((learner) -> model.addAttribute("checkBefore", moduleId));
		}
		else if (QUIZ.equals(pattern) && "POST".equals(request.getMethod())) {
			Band.fromId(request.getParameter("band"))
				.filter((band) -> this.curriculum.evidence().check(moduleId, band).isPresent())
				.ifPresent((band) -> model.addAttribute("checkAfter", moduleId));
		}
	}

}
