package org.safesteps.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code lti_scores} collection: scores waiting to be sent to a platform's gradebook. One
 * document per (line item, platform user), so a newer score replaces one not yet sent (the platform
 * keeps the latest it receives, so only the newest matters and older ones can never overtake it).
 * The platform's user id is kept sealed ({@link Sealer}) in {@code user} and removed with the
 * document once delivered, or from it when sending is given up. Every change after sending is
 * matched on the {@code version} of the score that was sent, so a score queued meanwhile is not lost.
 */
@Component
class ScoreQueue {

	static final String COLLECTION = "lti_scores";

	static final String PENDING = "pending";

	static final String FAILED = "failed";

	/** A score to send. */
	record QueuedScore(String id, String version, String registrationId, String lineItem, String sealedUser,
			int scoreGiven, int scoreMaximum, Instant timestamp, int attempts) {
	}

	/** Why the last try failed: at which step, the HTTP status (0: no answer), what the platform said. */
	record Failure(String stage, int status, String detail) {
	}

	/** A failure as the admin page shows it. */
	record ShownError(Instant at, String stage, int status, String detail, int attempts, boolean gaveUp) {
	}

	private final MongoTemplate mongo;

	private final Clock clock;

	ScoreQueue(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Queues a score, replacing any score for the same line item and user not yet sent.
	 * @param userKey the keyed hash of the platform user ({@link PlatformUsers#keyOf}), not their id
	 */
	void enqueue(String registrationId, String lineItem, String userKey, String sealedUser, int scoreGiven,
			int scoreMaximum, Instant timestamp) {
		Date now = Date.from(this.clock.instant());
		Update update = new Update().set("registrationId", registrationId)
			.set("lineItem", lineItem)
			.set("user", sealedUser)
			.set("scoreGiven", scoreGiven)
			.set("scoreMaximum", scoreMaximum)
			.set("timestamp", Date.from(timestamp))
			.set("version", UUID.randomUUID().toString())
			.set("status", PENDING)
			.set("attempts", 0)
			.set("nextAttemptAt", now)
			.set("updatedAt", now);
		this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id(lineItem, userKey))), update,
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
	}

	List<QueuedScore> due(int limit) {
		Query query = Query.query(Criteria.where("status").is(PENDING)
			.and("nextAttemptAt").lte(Date.from(this.clock.instant()))).with(Sort.by("nextAttemptAt")).limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map(ScoreQueue::queued).toList();
	}

	/** Sent: the document goes, and the sealed user id with it. */
	void delivered(QueuedScore score) {
		this.mongo.remove(sameVersion(score), COLLECTION);
	}

	/** Dropped without sending (its registration is gone): nothing of it is kept. */
	void drop(QueuedScore score) {
		this.mongo.remove(sameVersion(score), COLLECTION);
	}

	void retryLater(QueuedScore score, Failure failure, Instant next) {
		this.mongo.updateFirst(sameVersion(score), failed(score, failure).set("nextAttemptAt", Date.from(next)),
				COLLECTION);
	}

	/** No more tries: the error stays for the admin, the sealed user id goes. */
	void giveUp(QueuedScore score, Failure failure) {
		this.mongo.updateFirst(sameVersion(score), failed(score, failure).set("status", FAILED).unset("user"),
				COLLECTION);
	}

	long waiting(String registrationId) {
		return this.mongo.count(Query.query(Criteria.where("registrationId").is(registrationId).and("status").is(PENDING)),
				COLLECTION);
	}

	List<ShownError> lastErrors(String registrationId, int limit) {
		Query query = Query.query(Criteria.where("registrationId").is(registrationId).and("lastError").ne(null))
			.with(Sort.by(Sort.Direction.DESC, "lastError.at"))
			.limit(limit);
		return this.mongo.find(query, Document.class, COLLECTION).stream().map((found) -> {
			Document error = found.get("lastError", Document.class);
			return new ShownError(error.getDate("at").toInstant(), error.getString("stage"), error.getInteger("status", 0),
					error.getString("detail"), found.getInteger("attempts", 0), FAILED.equals(found.getString("status")));
		}).toList();
	}

	/** Every score of a registration that was deleted. */
	void forget(String registrationId) {
		this.mongo.remove(Query.query(Criteria.where("registrationId").is(registrationId)), COLLECTION);
	}

	/** Scores given up on long ago are of no more use to the admin. */
	void forgetFailedBefore(Instant cutoff) {
		this.mongo.remove(Query.query(Criteria.where("status").is(FAILED).and("updatedAt").lt(Date.from(cutoff))),
				COLLECTION);
	}

	private Update failed(QueuedScore score, Failure failure) {
		Date now = Date.from(this.clock.instant());
		return new Update().set("attempts", score.attempts() + 1)
			.set("lastError", new Document("at", now).append("stage", failure.stage())
				.append("status", failure.status())
				.append("detail", failure.detail()))
			.set("updatedAt", now);
	}

	private static Query sameVersion(QueuedScore score) {
		return Query.query(Criteria.where("_id").is(score.id()).and("version").is(score.version()));
	}

	private static QueuedScore queued(Document found) {
		return new QueuedScore(found.getString("_id"), found.getString("version"), found.getString("registrationId"),
				found.getString("lineItem"), found.getString("user"), found.getInteger("scoreGiven", 0),
				found.getInteger("scoreMaximum", 100), found.getDate("timestamp").toInstant(),
				found.getInteger("attempts", 0));
	}

	private static String id(String lineItem, String userKey) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest((lineItem + "\n" + userKey).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
