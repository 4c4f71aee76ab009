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

	/** This language as a found code: a kept step asks for its class's language on every request. */
	private final Optional<Language> found = Optional.of(this);

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

	private static final Language[] VALUES = values();

	public static List<Language> all() {
		return List.of(values());
	}

	/** The shipped language of a code ({@code es}, {@code ES}, {@code es-MX}), or empty. */
	public static Optional<Language> fromCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		// a shipped code as it is (a class's language, the switch's cookie) needs no parsing: the
		// language tag parser was about 5% of a kept lesson step's CPU (docs/performance.md)
		for (Language shipped : VALUES) {
			if (shipped.code.equals(code)) {
				return shipped.found;
			}
		}
		String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
		return Arrays.stream(VALUES).filter((shipped) -> shipped.code.equals(language)).findFirst();
	}

	/** The shipped language of a locale, English for any other. */
	public static Language of(Locale locale) {
		return (locale == null) ? ENGLISH : fromCode(locale.getLanguage()).orElse(ENGLISH);
	}

}
