package org.safesteps.theme;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.ui.Model;
import org.springframework.web.servlet.LocaleResolver;

import org.safesteps.content.Localized;

/**
 * Decides the language of a request, first match wins: a {@code ?lang=} on the address (a
 * link from a parent letter, the letter itself), a page printed in a set language (a letter in its
 * class's language), the reader's own switch (the {@value #COOKIE} cookie), their
 * class's language (set by the learner feature, like {@link RequestTheme#useBand}), the browser's
 * Accept-Language, then English. Also the {@link LocaleResolver} of the site, so messages and
 * {@code <html lang dir>} follow the same choice.
 */
public final class RequestLanguage implements LocaleResolver {

	/** The switch's cookie: a shipped language code. */
	public static final String COOKIE = "safesteps_lang";

	private static final Duration COOKIE_AGE = Duration.ofDays(365);

	private static final String PAGE_ATTRIBUTE = RequestLanguage.class.getName() + ".page";

	private static final String CLASS_ATTRIBUTE = RequestLanguage.class.getName() + ".class";

	/**
	 * The ?lang= of the address. Tomcat refuses to read any parameter of a form too large to parse,
	 * and keeps refusing for the rest of the request, its error page included: that page still shows,
	 * in the remembered language.
	 */
	private static String linkedCode(HttpServletRequest request) {
		try {
			return request.getParameter("lang");
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	/** The language of this request. */
	public static Language of(HttpServletRequest request) {
		// A link in a parent letter carries ?lang=: the page opens in the letter's language.
		Optional<Language> linked = Language.fromCode(linkedCode(request));
		if (linked.isPresent()) {
			return linked.get();
		}
		return unlinked(request);
	}

	/**
	 * The language of a request whose address has no {@code ?lang=} (a caller that checked its whole
	 * query): as {@link #of}, without asking the container to parse the parameters.
	 */
	public static Language unlinked(HttpServletRequest request) {
		if (request.getAttribute(PAGE_ATTRIBUTE) instanceof Language page) {
			return page;
		}
		Optional<Language> chosen = chosen(request);
		if (chosen.isPresent()) {
			return chosen.get();
		}
		if (request.getAttribute(CLASS_ATTRIBUTE) instanceof Language classLanguage) {
			return classLanguage;
		}
		for (Locale locale : Collections.list(request.getLocales())) {
			Optional<Language> accepted = Language.fromCode(locale.getLanguage());
			if (accepted.isPresent()) {
				return accepted.get();
			}
		}
		return Language.ENGLISH;
	}

	/** The language the reader picked with the switch, if any. */
	public static Optional<Language> chosen(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return Language.fromCode(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	/** A learner reads in their class's language unless they switched; an unknown code changes nothing. */
	public static void useClassLanguage(HttpServletRequest request, String code) {
		Language.fromCode(code).ifPresent((language) -> request.setAttribute(CLASS_ATTRIBUTE, language));
	}

	/** This page is printed in {@code language} whatever the reader's own choice (a letter for families). */
	public static void usePageLanguage(HttpServletRequest request, Language language) {
		request.setAttribute(PAGE_ATTRIBUTE, language);
	}

	/** Remembers the reader's choice for a year; HttpOnly (no script reads it) and SameSite=Lax. */
	public static void remember(HttpServletRequest request, HttpServletResponse response, Language language) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, language.code())
			.path("/")
			.maxAge(COOKIE_AGE)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	/**
	 * Tells a page which language its content is in: {@code contentLang} and {@code contentDir} for
	 * the content's container, and {@code contentFellBack} when it is English because no translation exists.
	 */
	public static void describeContent(Model model, Localized<?> content) {
		Language language = Language.fromCode(content.language()).orElse(Language.ENGLISH);
		model.addAttribute("contentLang", content.language());
		model.addAttribute("contentDir", language.rightToLeft() ? "rtl" : "ltr");
		model.addAttribute("contentFellBack", content.fellBack());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return of(request).locale();
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		remember(request, response, Language.of(locale));
	}

}
