package org.safesteps.learner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * <p>
 * Every learner page asks who the cookie belongs to, so learners found by their token are kept in
 * memory for {@code safesteps.learner-lookup.keep-for} (5 s): a class reading a lesson reads
 * {@code learners} once per child every few seconds instead of on every page. Every delete or
 * change of a learner made through this store forgets them here at once; another instance's
 * copy expires within {@code keep-for} (docs/data.md, "Learners kept in memory").
 */
@Component
@EnableConfigurationProperties(LearnerLookupProperties.class)
class LearnerStore {

	private static final int NAME_ATTEMPTS = 30;

	/** After this many clashes in a crowded class, names get a number to find a free one quickly. */
	private static final int PLAIN_NAME_ATTEMPTS = 20;

	/** A learner's last-seen time is written at most this often, not on every page. */
	private static final Duration SEEN_PRECISION = Duration.ofHours(1);

	private final MongoTemplate mongo;

	private final Clock clock;

	/** By token hash. Only learners found are kept: an unknown token is read again each time. */
	private final Cache<String, Learner> recognised;

	/**
	 * Counts the forgettings, so a lookup that read a learner just before they were deleted does not
	 * put them back into {@link #recognised} after the deletion forgot them.
	 */
	private final AtomicLong forgettings = new AtomicLong();

	LearnerStore(MongoTemplate mongo, Clock clock, LearnerLookupProperties lookup) {
		this.mongo = mongo;
		this.clock = clock;
		this.recognised = Caffeine.newBuilder()
			.expireAfterWrite(lookup.keepFor())
			.maximumSize(lookup.maxLearners())
			.build();
	}

	/**
	 * A new learner with a fresh pseudonym, holding the hash of {@code token}; kept in memory at
	 * once, as a lookup would keep them: the page the join redirects to then needs no read.
	 */
	Learner create(String classId, Band band, String tokenHash) {
		Instant now = this.clock.instant();
		for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
			String name = (classId != null && attempt < PLAIN_NAME_ATTEMPTS) ? Pseudonyms.forClass(Secrets.random())
					: Pseudonyms.forSelfLearner(Secrets.random());
			try {
				long before = this.forgettings.get();
				// A string id (not an ObjectId): progress, attempts and reports refer to learners by this string.
				Learner created = this.mongo.insert(new Learner(java.util.UUID.randomUUID().toString(), classId, name,
						band, tokenHash, null, now, now));
				keep(tokenHash, created, before);
				return created;
			}
			catch (DuplicateKeyException ex) {
				// the name is taken in this class; draw another
			}
		}
		throw new IllegalStateException("No free pseudonym found");
	}

	/**
	 * The learner holding this token, noting that they were seen (at most once an hour); from memory
	 * if read within {@code keep-for}, so possibly a learner deleted on another instance since.
	 */
	Optional<Learner> findByTokenHash(String tokenHash) {
		Learner kept = this.recognised.getIfPresent(tokenHash);
		return (kept != null) ? Optional.of(seen(tokenHash, kept)) : findInDatabase(tokenHash);
	}

	/**
	 * The learner holding this token as the database has it now: for requests that store something
	 * of the learner (a quiz attempt, a confidence answer), which must not outlive their deletion.
	 */
	Optional<Learner> findByTokenHashInDatabase(String tokenHash) {
		return findInDatabase(tokenHash);
	}

	private Optional<Learner> findInDatabase(String tokenHash) {
		long before = this.forgettings.get();
		Learner learner = this.mongo.findOne(Query.query(Criteria.where("tokenHash").is(tokenHash)), Learner.class);
		if (learner == null) {
			// gone from the database: a kept copy (read before another instance deleted it) goes too
			this.recognised.invalidate(tokenHash);
			return Optional.empty();
		}
		learner = seen(tokenHash, learner);
		keep(tokenHash, learner, before);
		return Optional.of(learner);
	}

	/** Keeps a learner read or written when {@link #forgettings} stood at {@code before}. */
	private void keep(String tokenHash, Learner learner, long before) {
		this.recognised.put(tokenHash, learner);
		if (this.forgettings.get() != before) {
			// a learner was forgotten meanwhile: it may have been this one
			this.recognised.invalidate(tokenHash);
		}
	}

	/** Writes the last-seen time if it is more than an hour old, and keeps the learner with it. */
	private Learner seen(String tokenHash, Learner learner) {
		Instant now = this.clock.instant();
		if (learner.lastSeenAt() != null && !learner.lastSeenAt().isBefore(now.minus(SEEN_PRECISION))) {
			return learner;
		}
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learner.id())), Update.update("lastSeenAt", now),
				Learner.class);
		Learner updated = new Learner(learner.id(), learner.classId(), learner.pseudonym(), learner.band(),
				learner.tokenHash(), learner.resumeHash(), learner.createdAt(), now);
		this.recognised.asMap().replace(tokenHash, learner, updated);
		return updated;
	}

	/**
	 * Forgets the kept copy of this learner, after (never before) the database changed: a lookup in
	 * between would keep the old copy again.
	 */
	private void forget(String learnerId) {
		this.forgettings.incrementAndGet();
		this.recognised.asMap().values().removeIf((learner) -> learner.id().equals(learnerId));
	}

	/** Moves the learner with this resume code to a new token (the old device's cookie stops working). */
	Optional<Learner> resume(String resumeHash, String newTokenHash) {
		Optional<Learner> moved = Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("resumeHash").is(resumeHash)),
				new Update().set("tokenHash", newTokenHash).set("lastSeenAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), Learner.class));
		moved.ifPresent((learner) -> forget(learner.id()));
		return moved;
	}

	/** Gives the learner of this id, if still in this class, a new token (a platform launched them again). */
	Optional<Learner> replaceToken(String learnerId, String classId, String newTokenHash) {
		Optional<Learner> moved = Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(learnerId).and("classId").is(classId)),
				new Update().set("tokenHash", newTokenHash).set("lastSeenAt", this.clock.instant()),
				FindAndModifyOptions.options().returnNew(true), Learner.class));
		forget(learnerId);
		return moved;
	}

	void setResumeHash(String learnerId, String resumeHash) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learnerId)), Update.update("resumeHash", resumeHash),
				Learner.class);
		forget(learnerId);
	}

	void setBand(String learnerId, Band band) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(learnerId).and("classId").is(null)),
				Update.update("band", band.name()), Learner.class);
		forget(learnerId);
	}

	List<Learner> inClass(String classId) {
		return this.mongo.find(Query.query(Criteria.where("classId").is(classId)), Learner.class);
	}

	List<Learner> idleSince(Instant cutoff, int limit) {
		return this.mongo.find(Query.query(Criteria.where("lastSeenAt").lt(cutoff)).limit(limit), Learner.class);
	}

	void delete(String learnerId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(learnerId)), Learner.class);
		forget(learnerId);
	}

}
