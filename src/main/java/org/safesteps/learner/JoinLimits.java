package org.safesteps.learner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong join or resume codes one client may type. With 10 tries per 10 minutes, finding a
 * class by guessing (a few hundred open codes among 887 million) would take centuries.
 *
 * @param maxFailures wrong codes in a window after which the client gets 429 until it ends
 * @param window how long wrong codes are counted, from the first one
 * @param slowAfter wrong codes after which each further answer is delayed
 * @param slowDelay the delay
 */
@ConfigurationProperties("safesteps.join-limit")
record JoinLimits(@DefaultValue("10") int maxFailures, @DefaultValue("10m") Duration window,
		@DefaultValue("5") int slowAfter, @DefaultValue("1s") Duration slowDelay) {
}
