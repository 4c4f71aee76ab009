package org.safesteps.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import org.safesteps.theme.Language;
import org.safesteps.theme.RequestLanguage;

/**
 * The language switch on every page: {@code /language?lang=es&return=/learn} remembers the choice
 * and goes back to the page it came from, which must be a path on this site (no open redirect).
 */
@Controller
class LanguageController {

	@RequestMapping(path = "/language", method = { RequestMethod.GET, RequestMethod.POST })
	String choose(@RequestParam(name = "lang", required = false) String code,
			@RequestParam(name = "return", required = false) String back, HttpServletRequest request,
			HttpServletResponse response) {
		Language.fromCode(code).ifPresent((language) -> RequestLanguage.remember(request, response, language));
		return "redirect:" + sameSitePath(back);
	}

	/** {@code path} if it is a path on this site ("/learn?step=2"), else "/". */
	static String sameSitePath(String path) {
		if (path == null || path.length() > 2000 || !path.startsWith("/") || path.startsWith("//")) {
			return "/";
		}
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			// A backslash reads as a slash in some browsers ("/\evil.example"); control characters split headers.
			if (c == '\\' || c < 0x20 || c == 0x7f) {
				return "/";
			}
		}
		return path;
	}

	/** The site's locale resolver: every request's language comes from {@link RequestLanguage}. */
	@Configuration(proxyBeanMethods = false)
	static class LanguageConfiguration {

		@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
		LocaleResolver localeResolver() {
			return new RequestLanguage();
		}

	}

}
