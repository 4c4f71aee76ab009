package org.safesteps.learner;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.safesteps.content.Band;
import org.safesteps.progress.Owner;

/**
 * A child, known only by a random id and a pseudonym. No name, e-mail, birthday or address: the
 * browser proves who it is with a cookie token whose SHA-256 is {@code tokenHash}.
 *
 * @param classId null for a self-learner (learning from /explore without a class)
 * @param resumeHash SHA-256 of the resume code, or null when none was made
 */
@Document("learners")
public record Learner(@Id String id, String classId, String pseudonym, Band band, String tokenHash, String resumeHash,
		Instant createdAt, Instant lastSeenAt) {

	public boolean inClass() {
		return this.classId != null;
	}

	Owner owner() {
		return new Owner(this.id, this.classId, this.band);
	}

}
