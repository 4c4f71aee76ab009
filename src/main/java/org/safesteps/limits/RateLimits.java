package org.safesteps.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Takes one token from a named bucket for a key. The buckets live in MongoDB, shared by every
 * instance, or in this process when it owns the embedded database, which no other instance can
 * ({@link LocalBuckets}; RateLimitConfiguration chooses). Keys are SHA-256 hashes, so the collection
 * holds no addresses; the limit is part of the bucket's id, so a changed setting starts fresh
 * buckets instead of reusing ones shaped by the old setting.
 */
class RateLimits {

	static final String COLLECTION = "rate_limits";

	/**
	 * Each instance sweeps refilled buckets after this many checks, in the request that makes the
	 * last one. A sweep costs what it deletes, not the whole collection (storage/SecondaryIndex answers
	 * {@code expiresAt < now}). A burst's new buckets expire within seconds, so sweeping after every
	 * 1,000 checks deleted about a thousand at once; after every 100 a tenth of that, ten times as
	 * often (docs/performance.md, "The burst's rate-limit checks again"). A real MongoDB answers it
	 * from its TTL index.
	 */
	private static final long SWEEP_EVERY = 100;

	/**
	 * The most buckets one sweep deletes. After a quiet spell every bucket of the last busy one has
	 * expired at once: on the embedded server a single sweep deleted thousands and held the
	 * collection 440 ms, so every check waiting for it gave up (docs/performance.md, "The quiz's first
	 * second"). Twice {@link #SWEEP_EVERY}: each check makes one bucket at most, so the sweeps still
	 * keep up, and a backlog drains by a hundred or more per sweep.
	 */
	static final int SWEEP_MOST = 200;

	/**
	 * Bucket writes ask for {@code w: 1, j: false}, and reads for {@code local} to match: a bucket's
	 * state is nothing anyone was told was saved, and losing its last changes in a crash or a failover
	 * only refills some buckets early, once. Waiting for the disk (issue 21's durable writes: one sync
	 * per acknowledged write) would add a sync to every form sent, before its own write. Reads must
	 * see this node's unconfirmed writes, or the compare-and-swap would compare with an older state and
	 * try again until the majority caught up.
	 */
	static final WriteConcern BUCKET_WRITES = WriteConcern.W1.withJournal(false);

	/** The buckets in MongoDB, shared by every instance; null when they are kept {@link #local}ly. */
	private final MongoBuckets buckets;

	/** The buckets in this process, when it owns the embedded database; else null. */
	private final LocalBuckets local;

	private final MongoClient client;

	private final AtomicLong checks = new AtomicLong();

	private RateLimits(MongoBuckets buckets, LocalBuckets local, MongoClient client) {
		this.buckets = buckets;
		this.local = local;
		this.client = client;
	}

	/**
	 * Buckets in the database, shared by every instance; a bucket check answers within
	 * {@code storeTimeout} or is skipped (RateLimitProperties says why).
	 */
	static RateLimits shared(MongoTemplate mongo, MongoClient client, RateLimitProperties properties) {
		return new RateLimits(new MongoBuckets(mongo.getCollection(COLLECTION)
			.withTimeout(properties.storeTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.withWriteConcern(BUCKET_WRITES)
			.withReadConcern(ReadConcern.LOCAL)), null, client);
	}

	/** Buckets in this process ({@link LocalBuckets}): for an app that owns its embedded database. */
	static RateLimits inProcess(TimeMeter time) {
		return new RateLimits(null, new LocalBuckets(time), null);
	}

	/**
	 * Whether the buckets can be reached: always in process; in the database, whether the driver
	 * currently knows a server it can write to. False once a request has found the database gone
	 * (the driver then marks the server unknown until its monitor reaches it again), so later checks
	 * do not wait for the store at all.
	 */
	boolean storeReachable() {
		return this.local != null || this.client.getClusterDescription().hasWritableServer();
	}

	/** Takes a token; empty when allowed, else how long until the next token. */
	Optional<Duration> take(String bucket, Limit limit, String key) {
		String id = bucket + ":" + limit + ":" + sha256(key);
		ConsumptionProbe probe;
		if (this.local != null) {
			probe = this.local.take(id, limit);
		}
		else {
			if (this.checks.incrementAndGet() % SWEEP_EVERY == 0) {
				this.buckets.removeExpired(SWEEP_MOST);
			}
			BucketConfiguration configuration = BucketConfiguration.builder()
				.addLimit((shape) -> shape.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
				.build();
			probe = this.buckets.getProxy(id, () -> configuration).tryConsumeAndReturnRemaining(1);
		}
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
