package org.safesteps.theme;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages SafeSteps ships its interface in, each named in its own language for the switch.
 * Content (lessons, quizzes, guides) may exist in fewer; pages fall back to English and say so.
 */
public enum Language {

	ENGLISH("en", "English", false),
	SPANISH("es", "Español", false),
	ARABIC("ar", "العربية", true);

	private final String code;

	private final String name;

	private final boolean rightToLeft;

	Language(String code, String name, boolean rightToLeft) {
		this.code = code;
		this.name = name;
		this.rightToLeft = rightToLeft;
	}

	/** The ISO 639-1 code, as in file names and the {@code lang} attribute: {@code es}. */
	public String code() {
		return this.code;
	}

	/** The language's own name: Español, العربية. */
	public String nativeName() {
		return this.name;
	}

	public boolean rightToLeft() {
		return this.rightToLeft;
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.code);
	}

	public static List<Language> all() {
		return List.of(values());
	}

	/** The shipped language of a code ({@code es}, {@code ES}, {@code es-MX}), or empty. */
	public static Optional<Language> fromCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
		return Arrays.stream(values()).filter((shipped) -> shipped.code.equals(language)).findFirst();
	}

	/** The shipped language of a locale, English for any other. */
	public static Language of(Locale locale) {
		return (locale == null) ? ENGLISH : fromCode(locale.getLanguage()).orElse(ENGLISH);
	}

}
