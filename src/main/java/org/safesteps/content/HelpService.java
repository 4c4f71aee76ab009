package org.safesteps.content;

import java.time.LocalDate;
import java.util.Set;

/** A help or report service; {@code web} and {@code phone} may be null, {@code checked} is when a person last checked it. */
public record HelpService(String id, String name, String what, String who, Set<Audience> audiences, String web,
		String phone, LocalDate checked) {

	public HelpService {
		audiences = Set.copyOf(audiences);
	}

	public boolean isFor(Audience audience) {
		return audiences.contains(audience);
	}

}
