package org.safesteps.theme;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;

/**
 * Something a feature adds to the model of the pages it concerns, before the handler runs, as a
 * {@code @ModelAttribute} method of a {@code @ControllerAdvice} would. Every bean of this type is
 * called from the one model method of the site's layout advice ({@code web/SiteModel}): Spring MVC
 * builds each advice model method anew on every request (a handler method, its parameters and its
 * annotations synthesised again), which was 8% of a quiz submission's request-thread samples with
 * three of them (docs/performance.md, "Stop 30").
 */
public interface PageModel {

	/**
	 * Adds this feature's attributes for {@code request} (the handler is already chosen:
	 * {@code HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE}). An attribute already in the model (a
	 * redirect's flash attribute) is left as it is.
	 */
	void addTo(HttpServletRequest request, Model model);

}
