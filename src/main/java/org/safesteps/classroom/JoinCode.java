package org.safesteps.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A class's join code: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a
 * code copied from the board is typed right. 31^6 (about 887 million) codes make guessing
 * impractical together with the join rate limit.
 */
public record JoinCode(String value) {

	public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	public static final int LENGTH = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	public JoinCode {
		if (value == null || value.length() != LENGTH || !value.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			throw new IllegalArgumentException("Not a join code");
		}
	}

	public static JoinCode random() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return new JoinCode(code.toString());
	}

	/**
	 * What a child typed, made into a code: case-insensitive, spaces and dashes ignored. Empty when
	 * it cannot be a code at all (wrong length or a character the alphabet does not have).
	 */
	public static Optional<JoinCode> parse(String typed) {
		if (typed == null || typed.length() > 40) {
			return Optional.empty();
		}
		String cleaned = typed.replaceAll("[\\s\\-\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
		if (cleaned.length() != LENGTH || !cleaned.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(new JoinCode(cleaned));
	}

	/** Shown as "ABC-DEF" on boards and posters, easier to read aloud. */
	public String display() {
		return this.value.substring(0, 3) + "-" + this.value.substring(3);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
