package org.safesteps.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.safesteps.guidance.HelpCountry;
import org.safesteps.theme.Language;

/** What the shared layout needs on every page: the quick-exit target, the help country and the language switch. */
@ControllerAdvice
@EnableConfigurationProperties(SiteProperties.class)
class SiteModel {

	private final SiteProperties site;

	SiteModel(SiteProperties site) {
		this.site = site;
	}

	/**
	 * The layout's attributes, added by one method: Spring MVC prepares each model method of an
	 * advice anew on every request (its annotations looked up, its arguments resolved), which was a
	 * few percent of a quiz submission's CPU with five of them. As with a named model method, an
	 * attribute already in the model (a redirect's flash attribute) is left as it is.
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
