package org.safesteps.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.safesteps.guidance.HelpCountry;
import org.safesteps.theme.Language;
import org.safesteps.theme.PageModel;

/**
 * What the shared layout needs on every page (the quick-exit target, the help country, the language
 * switch), and what each feature adds to the pages it concerns ({@link PageModel}).
 */
@ControllerAdvice
@EnableConfigurationProperties(SiteProperties.class)
class SiteModel {

	private final SiteProperties site;

	private final List<PageModel> features;

	SiteModel(SiteProperties site, ObjectProvider<PageModel> features) {
		this.site = site;
		this.features = features.orderedStream().toList();
	}

	/**
	 * The layout's attributes, then each feature's ({@link PageModel}), all from this one model
	 * method: Spring MVC prepares each model method of an advice anew on every request (a handler
	 * method built, its annotations synthesised, its arguments resolved), a few percent of a quiz
	 * submission's CPU for each. As with a named model method, an attribute already in the model (a
	 * redirect's flash attribute) is left as it is.
	 */
	@ModelAttribute
	void layout(HttpServletRequest request, Model model) {
		add(model, "site", this.site);
		// the reader's country for the help bar: chosen on /help, else the browser's language region
		add(model, "helpCountry", HelpCountry.of(request).orElse(null));
		// the languages of the switch, each in its own name
		add(model, "languages", Language.all());
		add(model, "signedIn", signedIn());
		add(model, "currentPath", currentPath(request));
		for (PageModel feature : this.features) {
			feature.addTo(request, model);
		}
	}

	private static void add(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}

	/**
	 * Whether a teacher is signed in in this browser: the footer offers the sign-in to anyone else.
	 * (The security dialect's {@code sec:authorize} parsed its expression on every page, an eighth
	 * of the time a page took to render.)
	 */
	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** Where the switch comes back to: this page, with its query. */
	private static String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		return LanguageController.sameSitePath((query == null) ? path : path + "?" + query);
	}

}
