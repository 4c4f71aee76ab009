package org.safesteps.content;

import java.time.LocalDate;
import java.util.Set;

/**
 * A help or report service. {@code web}, {@code phone} and {@code text} may be null; {@code source}
 * is the page its details were checked on and {@code checked} the day a person checked them.
 */
public record HelpService(String id, HelpKind kind, String name, String what, String who, Set<Audience> audiences,
		String web, String phone, TextChannel text, String source, LocalDate checked) {

	public HelpService {
		audiences = Set.copyOf(audiences);
	}

	public boolean isFor(Audience audience) {
		return audiences.contains(audience);
	}

	public boolean isCrisisLine() {
		return kind == HelpKind.CRISIS;
	}

	/** A text-message channel: the number to text and, for some services, the word to send first. */
	public record TextChannel(String number, String keyword) {

		public boolean hasKeyword() {
			return keyword != null && !keyword.isBlank();
		}

	}

}
