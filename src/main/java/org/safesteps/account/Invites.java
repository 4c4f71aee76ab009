package org.safesteps.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code invites} collection: single-use links valid for a week. Spending a link is one atomic
 * update on "not used and not expired", so two tabs cannot both create an account from it.
 */
@Component
class Invites {

	static final Duration VALID_FOR = Duration.ofDays(7);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	Invites(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Creates an invitation and answers the raw token: it is shown once to the admin, never stored. */
	String create(String email, String invitedBy) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = this.clock.instant();
		this.mongo.insert(new Invite(null, hash(token), Account.normaliseEmail(email), invitedBy, now,
				now.plus(VALID_FOR), null));
		return token;
	}

	/** The invitation behind a link, if it is still usable. */
	Optional<Invite> open(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Invite invite = this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(hash(token))), Invite.class);
		return Optional.ofNullable(invite).filter((found) -> found.isOpen(this.clock.instant()));
	}

	/** Marks the link used; empty if it was used, expired or unknown (another request may have won). */
	Optional<Invite> spend(String token) {
		if (!wellFormed(token)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Query query = Query.query(
				Criteria.where("tokenHash").is(hash(token)).and("usedAt").is(null).and("expiresAt").gt(now));
		return Optional.ofNullable(this.mongo.findAndModify(query, Update.update("usedAt", now),
				FindAndModifyOptions.options().returnNew(true), Invite.class));
	}

	/** Gives a spent link back when the account could not be created after all. */
	void restore(Invite invite) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(invite.id())), new Update().unset("usedAt"),
				Invite.class);
	}

	/** Invitations not yet accepted and not expired, newest first. */
	List<Invite> pending() {
		return this.mongo.find(Query.query(Criteria.where("usedAt").is(null).and("expiresAt").gt(this.clock.instant()))
			.with(Sort.by("createdAt").descending()), Invite.class);
	}

	private static boolean wellFormed(String token) {
		return token != null && token.length() >= 20 && token.length() <= 100;
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
