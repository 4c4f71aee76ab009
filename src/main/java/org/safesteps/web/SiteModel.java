package org.safesteps.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout needs on every page: the quick-exit target and the help link. */
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

	/** The help bar's link, already pointing at the reader's country when the browser names one. */
	@ModelAttribute("helpLink")
	String helpLink(HttpServletRequest request) {
		return HelpCountry.parse(request.getParameter("country"))
			.or(() -> HelpCountry.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
			.map((country) -> "/help?country=" + country)
			.orElse("/help");
	}

}
