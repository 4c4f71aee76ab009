package org.safesteps.guidance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which country's help services to show. An explicit choice wins; otherwise the region of the
 * browser's preferred languages (never the IP address: no geolocation of children).
 */
public final class HelpCountry {

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	/** Cookie remembering a country chosen on /help (a country code only, nothing personal). */
	public static final String COOKIE = "safesteps_country";

	private HelpCountry() {
	}

	/** The country for this request: ?country=, then the remembered choice, then Accept-Language. */
	public static Optional<String> of(HttpServletRequest request) {
		return parse(parameter(request, "country")).or(() -> remembered(request))
			.or(() -> fromAcceptLanguage(request.getHeader("Accept-Language")));
	}

	/** Tomcat refuses to read any field of a form too large to parse; the page still shows, without a country. */
	private static String parameter(HttpServletRequest request, String name) {
		try {
			return request.getParameter(name);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	static Optional<String> remembered(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return parse(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	/** A two-letter country code from a query parameter or cookie, upper-cased, if well formed. */
	public static Optional<String> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String upper = code.strip().toUpperCase(Locale.ROOT);
		return COUNTRY.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
	}

	/**
	 * The region of the most preferred language that names one ({@code en-GB} gives GB), or empty
	 * when no language names a region ({@code en}) or the header is missing or malformed.
	 */
	public static Optional<String> fromAcceptLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 512) {
			return Optional.empty();
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
			for (Locale.LanguageRange range : ranges) {
				if (range.getWeight() <= 0) {
					continue;
				}
				String country = Locale.forLanguageTag(range.getRange()).getCountry();
				Optional<String> parsed = parse(country);
				if (parsed.isPresent()) {
					return parsed;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

}
