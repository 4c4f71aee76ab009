package org.safesteps.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are allowed within a window before sign-in is refused for a while.
 *
 * @param perAccount failures for one e-mail address (stops guessing one teacher's password)
 * @param perClient failures from one client address (stops trying many addresses)
 * @param window how long failures count
 */
@ConfigurationProperties("safesteps.login")
record LoginThrottleProperties(@DefaultValue("5") int perAccount, @DefaultValue("20") int perClient,
		@DefaultValue("15m") Duration window) {
}
