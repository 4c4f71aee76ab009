package org.safesteps.account;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A teacher (or admin) who signs in. The e-mail is stored lower-cased; the password only as a
 * delegating-encoder hash.
 */
@Document("accounts")
public record Account(@Id String id, String email, String name, String passwordHash, Set<Role> roles,
		Status status, Instant createdAt) {

	public enum Role {
		TEACHER, ADMIN
	}

	public enum Status {
		ACTIVE, DISABLED
	}

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

	public boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	static String normaliseEmail(String email) {
		return (email == null) ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
