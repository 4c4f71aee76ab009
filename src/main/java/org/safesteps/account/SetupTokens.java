package org.safesteps.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The one-time tokens of the /setup link, kept in MongoDB so that any instance behind the balancer
 * accepts a link another instance printed. Only the token's SHA-256 is stored (a copy of the
 * database opens no setup), and each expires: the expiry is in every query, since the embedded
 * server ignores TTL indexes (a real MongoDB also removes them by the TTL index on expiresAt).
 */
@Component
class SetupTokens {

	static final String COLLECTION = "setup_tokens";

	/** Long enough for whoever installed it to come back the next day; a restart prints a new link. */
	static final Duration VALID_FOR = Duration.ofHours(24);

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	SetupTokens(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A new token, stored hashed; the caller shows it once. */
	String create() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		store(Invites.hash(token), this.clock.instant().plus(VALID_FOR));
		return token;
	}

	boolean valid(String token) {
		return token != null && this.mongo.exists(live(token), COLLECTION);
	}

	/**
	 * Spends a token with one atomic delete; false if it is unknown, expired or another request (on
	 * any instance) spent it first. The expiry comes back so that {@link #restore} can put it back.
	 */
	Spent spend(String token) {
		if (token == null) {
			return null;
		}
		Document removed = this.mongo.findAndRemove(live(token), Document.class, COLLECTION);
		return (removed == null) ? null : new Spent(token, removed.getDate("expiresAt").toInstant());
	}

	/** Puts back a token whose setup failed after it was spent, so the same link can be tried again. */
	void restore(Spent spent) {
		try {
			store(Invites.hash(spent.token()), spent.expiresAt());
		}
		catch (DuplicateKeyException ex) {
			// already back: a retry restored it first
		}
	}

	/** Once there is an admin no setup link is of any use. */
	void removeAll() {
		this.mongo.remove(new Query(), COLLECTION);
	}

	private void store(String hash, Instant expiresAt) {
		this.mongo.insert(new Document("_id", hash).append("expiresAt", Date.from(expiresAt)), COLLECTION);
	}

	private Query live(String token) {
		return Query.query(Criteria.where("_id").is(Invites.hash(token)).and("expiresAt").gt(Date.from(this.clock.instant())));
	}

	/** A token taken out of the store, with the expiry it had. */
	record Spent(String token, Instant expiresAt) {
	}

}
