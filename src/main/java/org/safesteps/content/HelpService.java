package org.safesteps.content;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A help or report service. {@code web}, {@code phone} and {@code text} may be null; {@code source}
 * is the page its details were checked on and {@code checked} the day a person checked them.
 * {@code translations} holds {@code what} and {@code who} in other languages, by language code.
 */
public record HelpService(String id, HelpKind kind, String name, String what, String who, Set<Audience> audiences,
		String web, String phone, TextChannel text, String source, LocalDate checked,
		Map<String, Description> translations) {

	public HelpService {
		audiences = Set.copyOf(audiences);
		translations = Map.copyOf(translations);
	}

	/** What the service does, in {@code language} when the directory has it, otherwise in English. */
	public String whatIn(String language) {
		Description description = translations.get(language);
		return description == null ? what : description.what();
	}

	/** Who can use it, in {@code language} when the directory has it, otherwise in English. */
	public String whoIn(String language) {
		Description description = translations.get(language);
		return description == null ? who : description.who();
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

	/** The reader-facing text of a service in one language. */
	public record Description(String what, String who) {
	}

}
