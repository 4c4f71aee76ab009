package org.safesteps.learner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an idle learner is kept.
 *
 * @param learnerIdle learners not seen for longer are deleted with everything they own
 * @param checkEvery how often the retention job runs
 * @param firstRunAfter how long after start-up the job first runs (a test that triggers the job
 *        itself puts it out of the way)
 */
@ConfigurationProperties("safesteps.retention")
record RetentionProperties(@DefaultValue("400d") Duration learnerIdle, @DefaultValue("6h") Duration checkEvery,
		@DefaultValue("1m") Duration firstRunAfter) {
}
