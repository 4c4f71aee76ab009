package org.safesteps.lti;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * LTI settings.
 *
 * @param stateTtl how long a login's state and nonce wait for the platform's answer
 * @param clockSkew how far the platform's clock may differ from ours when checking exp and iat
 * @param platformKeysTtl how long a platform's key set is cached (an unknown kid refetches sooner)
 * @param platformKeysMinRefresh the least time between two fetches of one platform's key set, so
 *        tokens with made-up kids cannot make us hammer the platform (zero: no limit)
 * @param retiredKeyKept how long a rotated-out tool key stays published, for tokens signed just before
 * @param scoreRetryFirst how long after a failed score the first retry waits; each further retry waits twice as long
 * @param scoreRetryLongest the longest wait between two retries of a score
 * @param scoreAttempts how many times a score is tried before sending it is given up
 * @param failedScoresKept how long a given-up score's error stays on the admin page
 * @param serviceTimeout how long a call to a platform's token or score service may take
 */
@ConfigurationProperties("safesteps.lti")
record LtiProperties(@DefaultValue("5m") Duration stateTtl, @DefaultValue("60s") Duration clockSkew,
		@DefaultValue("10m") Duration platformKeysTtl, @DefaultValue("10s") Duration platformKeysMinRefresh,
		@DefaultValue("7d") Duration retiredKeyKept, @DefaultValue("1m") Duration scoreRetryFirst,
		@DefaultValue("6h") Duration scoreRetryLongest, @DefaultValue("8") int scoreAttempts,
		@DefaultValue("30d") Duration failedScoresKept, @DefaultValue("10s") Duration serviceTimeout) {
}
