package org.safesteps.display;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The display options of one device, as kept in the {@value #COOKIE} cookie: a few fixed words
 * joined by dots, so the cookie never holds anything a visitor typed.
 *
 * @param largerText text a quarter larger everywhere
 * @param dyslexiaFont the OpenDyslexic font served by the app
 * @param highContrast white and yellow on black, whatever the theme
 * @param reducedMotion no animation or movement, even if the system does not ask for it
 * @param readAloud Listen buttons on or off; {@code null} leaves it to the theme (on for ages 5-7)
 */
public record DisplayOptions(boolean largerText, boolean dyslexiaFont, boolean highContrast, boolean reducedMotion,
		Boolean readAloud) {

	/** Name of the cookie holding the options. */
	public static final String COOKIE = "safesteps_display";

	static final DisplayOptions NONE = new DisplayOptions(false, false, false, false, null);

	private static final String LARGER_TEXT = "larger-text";

	private static final String DYSLEXIA_FONT = "dyslexia-font";

	private static final String HIGH_CONTRAST = "high-contrast";

	private static final String REDUCED_MOTION = "reduced-motion";

	private static final String READ_ALOUD = "read-aloud";

	private static final String NO_READ_ALOUD = "no-read-aloud";

	/** Longer cookie values are not ours: ignored rather than parsed. */
	private static final int MAX_COOKIE_LENGTH = 100;

	/** The options in the request's cookie; unknown words and malformed values are ignored. */
	static DisplayOptions of(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return parse(cookie.getValue());
				}
			}
		}
		return NONE;
	}

	static DisplayOptions parse(String value) {
		if (value == null || value.length() > MAX_COOKIE_LENGTH) {
			return NONE;
		}
		Set<String> words = new LinkedHashSet<>(List.of(value.split("\\.")));
		Boolean readAloud = null;
		if (words.contains(READ_ALOUD) != words.contains(NO_READ_ALOUD)) {
			readAloud = words.contains(READ_ALOUD);
		}
		return new DisplayOptions(words.contains(LARGER_TEXT), words.contains(DYSLEXIA_FONT),
				words.contains(HIGH_CONTRAST), words.contains(REDUCED_MOTION), readAloud);
	}

	/** The cookie value: the chosen words joined by dots, empty when nothing is chosen. */
	String cookieValue() {
		List<String> words = new ArrayList<>();
		if (this.largerText) {
			words.add(LARGER_TEXT);
		}
		if (this.dyslexiaFont) {
			words.add(DYSLEXIA_FONT);
		}
		if (this.highContrast) {
			words.add(HIGH_CONTRAST);
		}
		if (this.reducedMotion) {
			words.add(REDUCED_MOTION);
		}
		if (this.readAloud != null) {
			words.add(this.readAloud ? READ_ALOUD : NO_READ_ALOUD);
		}
		return String.join(".", words);
	}

	/** Classes for the page's {@code <body>} (styled at the end of site.css), or null for none. */
	public String bodyClasses() {
		List<String> classes = new ArrayList<>();
		if (this.largerText) {
			classes.add("display-" + LARGER_TEXT);
		}
		if (this.dyslexiaFont) {
			classes.add("display-" + DYSLEXIA_FONT);
		}
		if (this.highContrast) {
			classes.add("display-" + HIGH_CONTRAST);
		}
		if (this.reducedMotion) {
			classes.add("display-" + REDUCED_MOTION);
		}
		return classes.isEmpty() ? null : String.join(" ", classes);
	}

	/** Whether Listen buttons show, given the theme's default for its readers. */
	public boolean readsAloud(boolean themeDefault) {
		return (this.readAloud != null) ? this.readAloud : themeDefault;
	}

}
