package org.safesteps.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Teacher sessions.
 *
 * @param timeout a session ends after this long without a request
 * @param touchEvery how stale the stored last-access time may get before a request writes it
 * again (fewer writes; a session may end up to this much early)
 * @param cleanupEvery how often expired sessions are deleted (by one instance)
 * @param cookieName the session cookie
 */
@ConfigurationProperties("safesteps.sessions")
record SessionProperties(@DefaultValue("8h") Duration timeout, @DefaultValue("1m") Duration touchEvery,
		@DefaultValue("15m") Duration cleanupEvery, @DefaultValue("safesteps_session") String cookieName) {
}
