package org.safesteps.content;

/**
 * Content in the language a reader asked for, or in English when there is no translation yet:
 * {@code language} is the language of {@code value}; {@code fellBack} says the page should tell
 * the reader it is showing English instead of the language they chose.
 */
public record Localized<T>(T value, String language, boolean fellBack) {

	/** The language every content file is written in first. */
	public static final String ENGLISH = "en";

	static <T> Localized<T> of(T translation, T english, String language) {
		if (translation != null) {
			return new Localized<>(translation, language, false);
		}
		return new Localized<>(english, ENGLISH, !ENGLISH.equals(language));
	}

}
