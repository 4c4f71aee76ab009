package org.safesteps.learner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.safesteps.content.Band;

/**
 * The {@code learners} collection. Pseudonyms are unique per class and token hashes unique
 * overall, both by unique index: a clash makes the insert fail and a new name is drawn.
 */
@Component
class LearnerStore {

	private static final int NAME_ATTEMPTS = 30;

	/** After this many clashes in a crowded class, names get a number to find a free one quickly. */
	private static final int PLAIN_NAME_ATTEMPTS = 20;

	/** A learner's last-seen time is written at most this often, not on every page. */
	private static final Duration SEEN_PRECISION = Duration.ofHours(1);

	private final MongoTemplate mongo;

	private final Clock clock;

	LearnerStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A new learner with a fresh pseudonym, holding the hash of {@code token}. */
	Learner create(String classId, Band band, String tokenHash) {
		Instant now = this.clock.instant();
		for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
			String name = (classId != null && attempt < PLAIN_NAME_ATTEMPTS) ? Pseudonyms.forClass(Secrets.random())
					: Pseudonyms.forSelfLearner(Secrets.random());
			try {
				// A string id (not an ObjectId): progress, attempts and reports refer to learners by this string.
				return this.mongo.insert(new Learner(java.util.UUID.randomUUID().toString(), classId, name, band, tokenHash, null, now, now));
			}
			catch (DuplicateKeyException ex) {
				// the name is taken in this class; draw another
			}
		}
		throw new IllegalStateException("No free pseudonym found");
	}

	/** The learner holding this token, noting that they were seen (at most once an hour). */
	Optional<Learner> findByTokenHash(String tokenHash) {
		Learner learner = this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash)), Learner.class);
		if (learner == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (learner.lastSeenAt() == null || learner.lastSeenAt().isBefore(now.minus(SEEN_PRECISION))) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learner.id())), Update.update("lastSeenAt", now),
					Learner.class);
		}
		return Optional.of(learner);
	}

	/** Moves the learner with this resume code to a new token (the old device's cookie stops working). */
	Optional<Learner> resume(String resumeHash, String newTokenHash) {
		return Optional.ofNullable(this.mongo.findAndModify(Query.query(Criteria.where("resumeHash").is(resumeHash)),
				new Update().set("tokenHash", newTokenHash).set("lastSeenAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), Learner.class));
	}

	/** Gives the learner of this id, if still in this class, a new token (a platform launched them again). */
	Optional<Learner> replaceToken(String learnerId, String classId, String newTokenHash) {
		return Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(learnerId).and("classId").is(classId)),
				new Update().set("tokenHash", newTokenHash).set("lastSeenAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), Learner.class));
	}

	void setResumeHash(String learnerId, String resumeHash) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learnerId)), Update.update("resumeHash", resumeHash),
				Learner.class);
	}

	void setBand(String learnerId, Band band) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learnerId).and("classId").is(null)),
				Update.update("band", band.name()), Learner.class);
	}

	List<Learner> inClass(String classId) {
		return this.mongo.find(Query.query(Criteria.where("classId").is(classId)), Learner.class);
	}

	List<Learner> idleSince(Instant cutoff, int limit) {
		return this.mongo.find(Query.query(Criteria.where("lastSeenAt").lt(cutoff)).limit(limit), Learner.class);
	}

	void delete(String learnerId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(learnerId)), Learner.class);
	}

}
