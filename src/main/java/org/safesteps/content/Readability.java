package org.safesteps.content;

/** Flesch-Kincaid grade level, the reading-age check of every lesson against its band. */
public final class Readability {

	private Readability() {
	}

	/**
	 * {@code 0.39 * words / sentences + 11.8 * syllables / words - 15.59}, where sentences end at
	 * {@code .!?} and at line ends (one list item or heading per line); 0 for text without words.
	 */
	public static double fleschKincaidGrade(String plainText) {
		// One pass over the characters: a regex split and word matcher made this the slowest part of a load.
		int sentences = 0;
		int words = 0;
		int syllables = 0;
		int wordsInSentence = 0;
		int length = plainText.length();
		int i = 0;
		while (i < length) {
			char c = plainText.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				int start = i;
				i = wordEnd(plainText, i);
				words++;
				wordsInSentence++;
				syllables += syllables(plainText.substring(start, i));
			}
			else {
				if (endsSentence(c) && wordsInSentence > 0) {
					sentences++;
					wordsInSentence = 0;
				}
				i++;
			}
		}
		if (wordsInSentence > 0) {
			sentences++;
		}
		if (words == 0) {
			return 0.0;
		}
		return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
	}

	// A word is letters and digits, with apostrophes inside it: "don't" and "Sam's" are one word each.
	private static int wordEnd(String text, int start) {
		int i = start;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				i++;
			}
			else if ((c == '\'' || c == '\u2019') && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
				i += 2;
			}
			else {
				break;
			}
		}
		return i;
	}

	// Line ends count as sentence ends: list items and headings rarely end with a full stop.
	private static boolean endsSentence(char c) {
		return ".!?\n\r\u2028\u2029\u0085".indexOf(c) >= 0;
	}

	/** Vowel groups, less a silent final e (make, whale) but not in -le after a consonant (table) or after a vowel (agree). */
	static int syllables(String word) {
		StringBuilder onlyLetters = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = Character.toLowerCase(word.charAt(i));
			if (c >= 'a' && c <= 'z') {
				onlyLetters.append(c);
			}
		}
		String letters = onlyLetters.toString();
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
