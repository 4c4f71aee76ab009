package org.safesteps.learner;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

	private final JoinLimits limits;

	private final Clock clock;

	private final String salt = Secrets.newToken();

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

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

	/** Counts a wrong code and, past the slow-down threshold, makes the answer wait. */
	void failed(String client) {
		Instant now = this.clock.instant();
		if (this.windows.size() > SWEEP_ABOVE) {
			this.windows.values().removeIf((window) -> window.endedBy(now, this.limits));
		}
		Window window = this.windows.compute(client,
				(key, old) -> (old == null || old.endedBy(now, this.limits)) ? new Window(now, 1)
						: new Window(old.start(), old.failures() + 1));
		if (window.failures() > this.limits.slowAfter() && !this.limits.slowDelay().isZero()) {
			try {
				Thread.sleep(this.limits.slowDelay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private record Window(Instant start, int failures) {

		boolean endedBy(Instant now, JoinLimits limits) {
			return !now.isBefore(this.start.plus(limits.window()));
		}

	}

}
