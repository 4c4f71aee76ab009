package org.safesteps.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Hears on this instance of every learner forgotten or changed on any instance, by reading the
 * {@code forgotten_learners} log ({@link ForgottenLearners}) once a second, and says whether the
 * learners kept in memory may be trusted.
 * <p>
 * Each read asks for the entries written since the newest one already seen, less
 * {@link #OVERLAP}: the times are the database server's, so the instances' own clocks play no
 * part, and an entry that becomes visible a little after a later one (two writes committing in
 * the other order) is still found. Entries already acted on are remembered for that overlap, so
 * each is acted on once. Kept learners are trusted only while the last successful read began
 * less than {@code trustFor} ago: before the first read (an instance starting), and when the
 * database cannot be read, every lookup goes to the database; the first successful read after
 * that drops every kept learner, so nothing missed meanwhile can survive.
 */
final class ForgettingPoller {

	/** How far back each read looks before the newest entry seen: beyond any commit reordering or primary change. */
	static final Duration OVERLAP = Duration.ofSeconds(10);

	/** How often old entries are deleted (on MongoDB the TTL index does it too). */
	static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

	/** Where the entries come from: {@link ForgottenLearners}, or a test's own list. */
	interface Log {

		List<ForgottenLearners.Entry> since(Instant from);

		void deleteBefore(Instant before);

	}

	private static final long NEVER = Long.MIN_VALUE;

	private final Log log;

	private final Consumer<Set<String>> forget;

	private final Runnable forgetAll;

	private final long trustForNanos;

	private final LongSupplier nanos;

	/** When the last successful read began ({@link #nanos}), or {@link #NEVER}. */
	private volatile long lastSuccess = NEVER;

	/** The newest entry's time seen so far (the server's clock), or null before any entry. */
	private Instant newest;

	/** Entries acted on, by id, with their time: the next reads return them again for {@link #OVERLAP}. */
	private final Map<Object, Instant> actedOn = new HashMap<>();

	private long lastPrune = NEVER;

	/**
	 * @param forget drops the kept copies of these learners (by learner id)
	 * @param forgetAll drops every kept learner
	 * @param trustFor how long after the start of the last successful read kept learners are trusted
	 * @param nanos a monotonic clock ({@link System#nanoTime} outside tests)
	 */
	ForgettingPoller(Log log, Consumer<Set<String>> forget, Runnable forgetAll, Duration trustFor, LongSupplier nanos) {
		this.log = log;
		this.forget = forget;
		this.forgetAll = forgetAll;
		this.trustForNanos = trustFor.toNanos();
		this.nanos = nanos;
	}

	/** Whether a kept learner may be used now, rather than read again from the database. */
	boolean trusted() {
		return trusted(this.nanos.getAsLong());
	}

	private boolean trusted(long now) {
		long last = this.lastSuccess;
		return last != NEVER && now - last <= this.trustForNanos;
	}

	/**
	 * Reads the log once and drops the kept copies of the learners it names; a failure to read
	 * propagates, changing nothing (the kept learners stop being trusted {@code trustFor} after
	 * the last success).
	 */
	synchronized void poll() {
		long started = this.nanos.getAsLong();
		List<ForgottenLearners.Entry> entries = this.log.since((this.newest != null) ? this.newest.minus(OVERLAP) : null);
		Set<String> learners = new HashSet<>();
		for (ForgottenLearners.Entry entry : entries) {
			if (this.actedOn.putIfAbsent(entry.id(), entry.at()) == null) {
				learners.add(entry.learnerId());
			}
			if (this.newest == null || entry.at().isAfter(this.newest)) {
				this.newest = entry.at();
			}
		}
		if (!trusted(started)) {
			// the first read, or the first after reads failed: whatever was kept may have been missed
			this.forgetAll.run();
		}
		else if (!learners.isEmpty()) {
			this.forget.accept(learners);
		}
		if (this.newest != null) {
			Instant oldest = this.newest.minus(OVERLAP);
			this.actedOn.values().removeIf(oldest::isAfter);
		}
		this.lastSuccess = started;
		prune(started);
	}

	/** Deletes the log's old entries, measured on the server's clock from the newest entry seen. */
	private void prune(long now) {
		if (this.newest == null || (this.lastPrune != NEVER && now - this.lastPrune < PRUNE_EVERY.toNanos())) {
			return;
		}
		this.lastPrune = now;
		this.log.deleteBefore(this.newest.minus(ForgottenLearners.KEEP));
	}

}
