package org.safesteps.classroom;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.safesteps.content.Band;

/**
 * A class as teachers run it: its band decides which lessons and theme its learners get, its
 * language which language they read in (unless a learner switches).
 *
 * @param teacherIds the owner and co-teachers (account ids); the owner is always in the list
 * @param language a language code ({@code es}); classes made before languages existed read in English
 */
@Document("classes")
public record SchoolClass(@Id String id, String name, Band band, String ownerId, List<String> teacherIds,
		String joinCode, boolean open, Instant createdAt, String language) {

	/** The language of a class nobody chose one for. */
	public static final String DEFAULT_LANGUAGE = "en";

	public SchoolClass {
		teacherIds = List.copyOf(teacherIds);
		language = (language == null || language.isBlank()) ? DEFAULT_LANGUAGE : language;
	}

	public boolean isTaughtBy(String accountId) {
		return this.teacherIds.contains(accountId);
	}

	public boolean isOwnedBy(String accountId) {
		return this.ownerId.equals(accountId);
	}

	public JoinCode code() {
		return new JoinCode(this.joinCode);
	}

}
