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
 */
@ConfigurationProperties("safesteps.lti")
record LtiProperties(@DefaultValue("5m") Duration stateTtl, @DefaultValue("60s") Duration clockSkew,
		@DefaultValue("10m") Duration platformKeysTtl, @DefaultValue("10s") Duration platformKeysMinRefresh,
		@DefaultValue("7d") Duration retiredKeyKept) {
}
