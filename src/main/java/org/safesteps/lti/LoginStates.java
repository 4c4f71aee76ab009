package org.safesteps.lti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code lti_states} collection: each OIDC login's state and nonce, until the launch comes
 * back. Taking one deletes it (single use) with one find-and-delete, so a replayed launch finds
 * nothing on any instance; expiry is in the query, since the embedded server ignores TTL indexes
 * (a TTL index tidies up on a real MongoDB, and {@link #deleteExpired()} here).
 */
@Component
class LoginStates {

	private static final String COLLECTION = "lti_states";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final LtiProperties properties;

	LoginStates(MongoTemplate mongo, Clock clock, LtiProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	/** A login waiting for its launch. */
	record Pending(String state, String nonce, String registrationId) {
	}

	Pending start(String registrationId) {
		Pending pending = new Pending(random(), random(), registrationId);
		Instant expires = this.clock.instant().plus(this.properties.stateTtl());
		this.mongo.insert(new Document("_id", pending.state()).append("nonce", pending.nonce())
			.append("registrationId", registrationId)
			.append("expiresAt", Date.from(expires)), COLLECTION);
		return pending;
	}

	/** The login of this state, removed so that it cannot be used again; empty if unknown, used or expired. */
	Optional<Pending> take(String state) {
		Document found = this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(state)
			.and("expiresAt").gt(Date.from(this.clock.instant()))), Document.class, COLLECTION);
		return Optional.ofNullable(found)
			.map((document) -> new Pending(state, document.getString("nonce"), document.getString("registrationId")));
	}

	/** Every instance may run this; deleting what is already gone is harmless. */
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT15M")
	void deleteExpired() {
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lte(Date.from(this.clock.instant()))), COLLECTION);
	}

	private static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
