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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes one token from a named bucket for a key, the buckets living in MongoDB. Keys are stored as
 * SHA-256 hashes, so the collection holds no addresses; the limit is part of the bucket's id, so a
 * changed setting starts fresh buckets instead of reusing ones shaped by the old setting.
 */
@Component
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

	private final MongoBuckets buckets;

	private final MongoClient client;

	private final AtomicLong checks = new AtomicLong();

	/** A bucket check answers within {@code storeTimeout} or is skipped (RateLimitProperties says why). */
	RateLimits(MongoTemplate mongo, MongoClient client, RateLimitProperties properties) {
		this.client = client;
		this.buckets = new MongoBuckets(mongo.getCollection(COLLECTION)
			.withTimeout(properties.storeTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.withWriteConcern(BUCKET_WRITES)
			.withReadConcern(ReadConcern.LOCAL));
	}

	/**
	 * Whether the driver currently knows a server it can write to. False once a request has found
	 * the database gone (the driver then marks the server unknown until its monitor reaches it
	 * again), so later checks do not wait for the store at all.
	 */
	boolean storeReachable() {
		return this.client.getClusterDescription().hasWritableServer();
	}

	/** Takes a token; empty when allowed, else how long until the next token. */
	Optional<Duration> take(String bucket, Limit limit, String key) {
		if (this.checks.incrementAndGet() % SWEEP_EVERY == 0) {
			this.buckets.removeExpired(SWEEP_MOST);
		}
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((shape) -> shape.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
			.build();
		ConsumptionProbe probe = this.buckets.getProxy(bucket + ":" + limit + ":" + sha256(key), () -> configuration)
			.tryConsumeAndReturnRemaining(1);
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
