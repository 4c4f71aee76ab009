package org.safesteps.content;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Flesch-Kincaid grade level, the reading-age check of every lesson against its band. */
public final class Readability {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*");

	// Line ends count as sentence ends: list items and headings rarely end with a full stop.
	private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+|\\R");

	private Readability() {
	}

	/**
	 * {@code 0.39 * words / sentences + 11.8 * syllables / words - 15.59}, where sentences end at
	 * {@code .!?} and at line ends (one list item or heading per line); 0 for text without words.
	 */
	public static double fleschKincaidGrade(String plainText) {
		int sentences = 0;
		int words = 0;
		int syllables = 0;
		for (String sentence : SENTENCE_END.split(plainText)) {
			Matcher word = WORD.matcher(sentence);
			int wordsInSentence = 0;
			while (word.find()) {
				wordsInSentence++;
				syllables += syllables(word.group());
			}
			if (wordsInSentence > 0) {
				sentences++;
				words += wordsInSentence;
			}
		}
		if (words == 0) {
			return 0.0;
		}
		return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
	}

	/** Vowel groups, less a silent final e (make, whale) but not in -le after a consonant (table) or after a vowel (agree). */
	static int syllables(String word) {
		String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (letters.isEmpty()) {
			return 1;
		}
		int count = 0;
		boolean previousVowel = false;
		for (int i = 0; i < letters.length(); i++) {
			boolean vowel = isVowel(letters.charAt(i));
			if (vowel && !previousVowel) {
				count++;
			}
			previousVowel = vowel;
		}
		int length = letters.length();
		if (count > 1 && letters.endsWith("e") && !isVowel(letters.charAt(length - 2))) {
			boolean consonantLe = letters.endsWith("le") && length > 2 && !isVowel(letters.charAt(length - 3));
			if (!consonantLe) {
				count--;
			}
		}
		return Math.max(count, 1);
	}

	private static boolean isVowel(char c) {
		return "aeiouy".indexOf(c) >= 0;
	}

}
