package org.safesteps.session;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import org.safesteps.storage.Leases;

/**
 * Deletes expired sessions (TTL indexes do it on a real MongoDB, not on the embedded server). Every
 * instance schedules it; the lease lets one of them run it once per period.
 */
class SessionCleanup {

	static final String LEASE = "session-cleanup";

	private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);

	private static final Duration HOLD = Duration.ofMinutes(10);

	private final MongoSessionRepository sessions;

	private final Leases leases;

	private final SessionProperties properties;

	SessionCleanup(MongoSessionRepository sessions, Leases leases, SessionProperties properties) {
		this.sessions = sessions;
		this.leases = leases;
		this.properties = properties;
	}

	/** Deletes expired sessions if it is this instance's turn; returns how many, or -1 if not its turn. */
	@Scheduled(initialDelayString = "${safesteps.sessions.cleanup-every:15m}",
			fixedDelayString = "${safesteps.sessions.cleanup-every:15m}")
	long deleteExpired() {
		long deleted = this.leases.runOncePer(LEASE, this.properties.cleanupEvery(), HOLD, this.sessions::deleteExpired)
			.orElse(-1L);
		if (deleted > 0) {
			log.info("Session cleanup: deleted {} expired sessions", deleted);
		}
		return deleted;
	}

}
