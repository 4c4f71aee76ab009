package org.safesteps.storage;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.bson.Document;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Leases in the {@code leases} collection, so that a scheduled job runs on one app instance at a
 * time and at most once per period however many instances schedule it. A lease is one document
 * per job ({@code _id} = job name) holding who holds it, until when, and when the job last
 * completed; it is taken with one atomic find-and-modify, so two instances can never both take it.
 */
@Component
public class Leases {

	static final String COLLECTION = "leases";

	private static final Logger log = LoggerFactory.getLogger(Leases.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String instance;

	@Autowired
	public Leases(MongoTemplate mongo, Clock clock) {
		this(mongo, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
	}

	Leases(MongoTemplate mongo, Clock clock, String instance) {
		this.mongo = mongo;
		this.clock = clock;
		this.instance = instance;
	}

	/**
	 * Runs {@code job} if no other instance holds its lease and it has not completed within the last
	 * {@code period}; otherwise does nothing and returns empty. A job that fails is not recorded as
	 * run, so the next scheduled attempt on any instance tries again.
	 * @param hold how long the lease lasts if this instance dies mid-run (longer than a run takes)
	 */
	public <T> Optional<T> runOncePer(String name, Duration period, Duration hold, Supplier<T> job) {
		Optional<Lease> lease = take(name, period, hold);
		if (lease.isEmpty()) {
			return Optional.empty();
		}
		boolean completed = false;
		try {
			T result = job.get();
			completed = true;
			return Optional.of(result);
		}
		finally {
			release(lease.get(), completed);
		}
	}

	/**
	 * Takes the lease if it is absent, or expired and the job is due, with one atomic
	 * find-and-modify. A missing lease is inserted by an upsert; when another instance inserted it
	 * first (or it exists but is held), the upsert tries to insert a second document with the same
	 * {@code _id}, and that duplicate-key error means "not taken": exactly one taker wins.
	 */
	Optional<Lease> take(String name, Duration period, Duration hold) {
		Instant now = this.clock.instant();
		Lease lease = new Lease(name, this.instance + "/" + UUID.randomUUID(), now, now.plus(hold));
		Criteria free = new Criteria().orOperator(where("expiresAt").exists(false), where("expiresAt").lte(date(now)));
		Criteria due = new Criteria().orOperator(where("lastRunAt").exists(false),
				where("lastRunAt").lte(date(now.minus(period))));
		Query query = new Query(where("_id").is(name).andOperator(free, due));
		Update update = new Update().set("holder", lease.holder())
			.set("takenAt", date(now))
			.set("expiresAt", date(lease.expiresAt()));
		try {
			Document taken = this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
					Document.class, COLLECTION);
			if (taken == null) {
				// most takes find the lease; only a missing one needs the upsert (and its duplicate-key race)
				if (this.mongo.exists(Query.query(where("_id").is(name)), COLLECTION)) {
					return Optional.empty();
				}
				taken = this.mongo.findAndModify(query, update,
						FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
			}
			if (taken == null || !lease.holder().equals(taken.getString("holder"))) {
				return Optional.empty();
			}
			return Optional.of(lease);
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Gives the lease back, recording the run if it completed. Only the holder's own lease is
	 * touched: if it expired and another instance took it meanwhile, nothing changes.
	 */
	void release(Lease lease, boolean completed) {
		Update update = new Update().set("expiresAt", date(this.clock.instant()));
		if (completed) {
			update.set("lastRunAt", date(lease.takenAt())).inc("runs", 1);
		}
		long released = this.mongo.updateFirst(
				Query.query(where("_id").is(lease.name()).and("holder").is(lease.holder())), update, COLLECTION)
			.getModifiedCount();
		if (released == 0) {
			log.warn("Lease {} expired before its job finished; raise its hold time", lease.name());
		}
	}

	private static Date date(Instant instant) {
		return Date.from(instant);
	}

	/** One taken lease: the job's name, this take's holder id, and its time span. */
	record Lease(String name, String holder, Instant takenAt, Instant expiresAt) {
	}

}
