package org.safesteps.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets kept in this process, for an app that owns its embedded database: only one
 * instance at a time can (the data folder is locked), so no other instance has buckets to share.
 * Each check costs no round trip to the database and no write to its file; a restart starts every
 * bucket full, as losing a bucket's last changes in the database would (docs/security.md).
 * <p>
 * A bucket that has refilled is the same as none, so at most once every {@link #SWEEP_EVERY} a
 * check removes the full ones: the buckets kept are those used within about their refill time.
 * A check that took its bucket just before the sweep removed it loses that one token (the next
 * check finds a full bucket), which only ever lets one request more through.
 */
final class LocalBuckets {

	static final Duration SWEEP_EVERY = Duration.ofSeconds(10);

	private final Map<String, Kept> buckets = new ConcurrentHashMap<>();

	private final TimeMeter time;

	private final AtomicLong nextSweep;

	/** Buckets on {@code time} ({@link TimeMeter#SYSTEM_NANOTIME}; the tests' own clock). */
	LocalBuckets(TimeMeter time) {
		this.time = time;
		this.nextSweep = new AtomicLong(time.currentTimeNanos() + SWEEP_EVERY.toNanos());
	}

	/** Takes a token from the bucket {@code key} of {@code limit}, a full one if there is none yet. */
	ConsumptionProbe take(String key, Limit limit) {
		sweepIfDue();
		return this.buckets.computeIfAbsent(key, (k) -> new Kept(limit, this.time))
			.bucket()
			.tryConsumeAndReturnRemaining(1);
	}

	/** The buckets kept now. */
	int size() {
		return this.buckets.size();
	}

	private void sweepIfDue() {
		long due = this.nextSweep.get();
		long now = this.time.currentTimeNanos();
		if (now - due >= 0 && this.nextSweep.compareAndSet(due, now + SWEEP_EVERY.toNanos())) {
			this.buckets.values().removeIf(Kept::full);
		}
	}

	private record Kept(Bucket bucket, long capacity) {

		Kept(Limit limit, TimeMeter time) {
			this(Bucket.builder()
				.addLimit((shape) -> shape.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
				.withCustomTimePrecision(time)
				.build(), limit.requests());
		}

		boolean full() {
			return this.bucket.getAvailableTokens() >= this.capacity;
		}

	}

}
