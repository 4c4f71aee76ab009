package org.safesteps.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.safesteps.guidance.HelpCountry;

/** What the shared layout needs on every page: the quick-exit target and the help country. */
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

}
