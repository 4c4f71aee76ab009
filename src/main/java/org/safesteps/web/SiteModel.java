package org.safesteps.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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

	@ModelAttribute("site")
	SiteProperties site() {
		return this.site;
	}

	/** The reader's country for the help bar: chosen on /help, else the browser's language region. */
	@ModelAttribute("helpCountry")
	String helpCountry(HttpServletRequest request) {
		return HelpCountry.of(request).orElse(null);
	}

	/** The languages of the switch, each in its own name. */
	@ModelAttribute("languages")
	List<Language> languages() {
		return Language.all();
	}

	/**
	 * Whether a teacher is signed in in this browser: the footer offers the sign-in to anyone else.
	 * (The security dialect's {@code sec:authorize} parsed its expression on every page, an eighth
	 * of the time a page took to render.)
	 */
	@ModelAttribute("signedIn")
	boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/** Where the switch comes back to: this page, with its query. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String query = request.getQueryString();
		return LanguageController.sameSitePath((query == null) ? path : path + "?" + query);
	}

}
