package org.safesteps.learner;

import java.util.List;
import java.util.Optional;

import org.safesteps.classroom.JoinCode;

/**
 * Join codes as pictures for children who cannot yet read letters (ages 5-7). Each of the 31
 * characters of {@link JoinCode#ALPHABET} has one animal or fruit; a code is six pictures, which
 * map back to exactly the same code. The mapping (character, emoji, name):
 *
 * <pre>
 * A apple      B banana     C cat        D dog        E elephant   F frog
 * G grapes     H horse      J ladybird   K kiwi       M monkey     N octopus
 * P pig        Q duck       R rabbit     S strawberry T tiger      U unicorn
 * V watermelon W whale      X fox        Y lemon      Z zebra      2 turtle
 * 3 penguin    4 pear       5 cherries   6 bee        7 fish       8 peach
 * 9 lion
 * </pre>
 *
 * The emoji is decoration (hidden from screen readers); the name, from message
 * {@code picture.<name>}, is the accessible label. Teachers' posters can show a code with {@link #of}.
 */
public final class PictureCode {

	/** One picture: the code character it stands for, its emoji and its name's message key. */
	public record Picture(char symbol, String emoji, String name) {

		public String messageKey() {
			return "picture." + this.name;
		}

		public String value() {
			return String.valueOf(this.symbol);
		}

	}

	/** In alphabet order, so index i is {@code JoinCode.ALPHABET.charAt(i)}. */
	public static final List<Picture> PICTURES = List.of(new Picture('A', "\uD83C\uDF4E", "apple"),
			new Picture('B', "\uD83C\uDF4C", "banana"), new Picture('C', "\uD83D\uDC31", "cat"),
			new Picture('D', "\uD83D\uDC36", "dog"), new Picture('E', "\uD83D\uDC18", "elephant"),
			new Picture('F', "\uD83D\uDC38", "frog"), new Picture('G', "\uD83C\uDF47", "grapes"),
			new Picture('H', "\uD83D\uDC34", "horse"), new Picture('J', "\uD83D\uDC1E", "ladybird"),
			new Picture('K', "\uD83E\uDD5D", "kiwi"), new Picture('M', "\uD83D\uDC35", "monkey"),
			new Picture('N', "\uD83D\uDC19", "octopus"), new Picture('P', "\uD83D\uDC37", "pig"),
			new Picture('Q', "\uD83E\uDD86", "duck"), new Picture('R', "\uD83D\uDC30", "rabbit"),
			new Picture('S', "\uD83C\uDF53", "strawberry"), new Picture('T', "\uD83D\uDC2F", "tiger"),
			new Picture('U', "\uD83E\uDD84", "unicorn"), new Picture('V', "\uD83C\uDF49", "watermelon"),
			new Picture('W', "\uD83D\uDC33", "whale"), new Picture('X', "\uD83E\uDD8A", "fox"),
			new Picture('Y', "\uD83C\uDF4B", "lemon"), new Picture('Z', "\uD83E\uDD93", "zebra"),
			new Picture('2', "\uD83D\uDC22", "turtle"), new Picture('3', "\uD83D\uDC27", "penguin"),
			new Picture('4', "\uD83C\uDF50", "pear"), new Picture('5', "\uD83C\uDF52", "cherries"),
			new Picture('6', "\uD83D\uDC1D", "bee"), new Picture('7', "\uD83D\uDC1F", "fish"),
			new Picture('8', "\uD83C\uDF51", "peach"), new Picture('9', "\uD83E\uDD81", "lion"));

	private PictureCode() {
	}

	/** The six pictures that show this code. */
	public static List<Picture> of(JoinCode code) {
		return code.value().chars().mapToObj((c) -> PICTURES.get(JoinCode.ALPHABET.indexOf(c))).toList();
	}

	/** The code six chosen pictures stand for (each given by its character); empty if any is missing or unknown. */
	static Optional<JoinCode> code(List<String> chosen) {
		if (chosen.size() != JoinCode.LENGTH) {
			return Optional.empty();
		}
		StringBuilder code = new StringBuilder();
		for (String symbol : chosen) {
			if (symbol == null || symbol.length() != 1 || JoinCode.ALPHABET.indexOf(symbol.charAt(0)) < 0) {
				return Optional.empty();
			}
			code.append(symbol);
		}
		return JoinCode.parse(code.toString());
	}

}
