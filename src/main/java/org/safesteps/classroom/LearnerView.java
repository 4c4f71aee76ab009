package org.safesteps.classroom;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * What the learners of a class see of it (its assignments, its language), kept per class for at most
 * {@link #TTL}: all 30 learners of a class ask for the same on every page. A change made through this
 * instance clears the class at once; with several instances behind a load balancer, a change made on
 * another one shows to this one's learners within {@link #TTL}. Teacher pages read the database.
 *
 * @param <V> what is kept per class
 */
final class LearnerView<V> {

	/** How long learners may see a class as it was. */
	static final Duration TTL = Duration.ofSeconds(5);

	/** Beyond this many classes the cache is cleared: a bound on memory, not a policy. */
	private static final int MAX_CLASSES = 10_000;

	private final ConcurrentMap<String, Cached<V>> classes = new ConcurrentHashMap<>();

	/** The class's value, read with {@code read} if not known or older than {@link #TTL}. */
	V get(String classId, Function<String, V> read) {
		long now = System.nanoTime();
		Cached<V> cached = this.classes.get(classId);
		if (cached != null && now - cached.readAt() < TTL.toNanos()) {
			return cached.value();
		}
		V value = read.apply(classId);
		if (this.classes.size() >= MAX_CLASSES) {
			this.classes.clear();
		}
		this.classes.put(classId, new Cached<>(value, now));
		return value;
	}

	/** After a write (not before: a read in between would keep the old value again). */
	void changed(String classId) {
		this.classes.remove(classId);
	}

	/** A value and when it was read ({@link System#nanoTime()}). */
	private record Cached<V>(V value, long readAt) {
	}

}
