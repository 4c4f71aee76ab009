package org.safesteps.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An admin's invitation to one e-mail address. Only the SHA-256 of the link's token is stored, so
 * a copy of the database cannot be turned into working links.
 *
 * @param usedAt when the teacher accepted it (the link then stops working), or null
 */
@Document("invites")
record Invite(@Id String id, String tokenHash, String email, String invitedBy, Instant createdAt, Instant expiresAt,
		Instant usedAt) {

	boolean isOpen(Instant now) {
		return this.usedAt == null && now.isBefore(this.expiresAt);
	}

}
