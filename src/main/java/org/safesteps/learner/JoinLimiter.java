package org.safesteps.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts wrong codes per client in memory. The client is a salted SHA-256 of its address (the salt
 * is new at every start), so the address itself is never kept, and nothing is ever stored. Each
 * instance counts on its own; with N instances a client gets at most N times the tries.
 */
@Component
@EnableConfigurationProperties(JoinLimits.class)
class JoinLimiter {

	/** Above this many tracked clients, windows that ended are swept out. */
	private static final int SWEEP_ABOVE = 10_000;

	/**
	 * At most this many answers are delayed at once, whichever clients they are for: a delayed answer
	 * holds one of the server's few request threads (32), so many clients guessing at once must not
	 * hold them all. Beyond it an answer is not delayed; the count still leads to 429.
	 */
	static final int MAX_DELAYED = 8;

	private final JoinLimits limits;

	private final Clock clock;

	private final String salt = Secrets.newToken();

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final Semaphore delayed = new Semaphore(MAX_DELAYED);

	JoinLimiter(JoinLimits limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	String clientKey(String address) {
		return Secrets.sha256(this.salt + address);
	}

	boolean refused(String client) {
		Window window = this.windows.get(client);
		return window != null && !window.endedBy(this.clock.instant(), this.limits)
				&& window.failures() >= this.limits.maxFailures();
	}

	/**
	 * Counts a wrong code and, past the slow-down threshold and up to the refusal, makes the answer
	 * wait (one client sending many codes at once gets at most max-failures minus slow-after delayed
	 * answers in a window, and no more than {@link #MAX_DELAYED} answers wait at any moment).
	 */
	void failed(String client) {
		Instant now = this.clock.instant();
		if (this.windows.size() > SWEEP_ABOVE) {
			this.windows.values().removeIf((window) -> window.endedBy(now, this.limits));
		}
		Window window = this.windows.compute(client,
				(key, old) -> (old == null || old.endedBy(now, this.limits)) ? new Window(now, 1)
						: new Window(old.start(), old.failures() + 1));
		boolean slowed = window.failures() > this.limits.slowAfter()
				&& window.failures() <= this.limits.maxFailures() && !this.limits.slowDelay().isZero();
		if (slowed && this.delayed.tryAcquire()) {
			try {
				Thread.sleep(this.limits.slowDelay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.delayed.release();
			}
		}
	}

	private record Window(Instant start, int failures) {

		boolean endedBy(Instant now, JoinLimits limits) {
			return !now.isBefore(this.start.plus(limits.window()));
		}

	}

}
