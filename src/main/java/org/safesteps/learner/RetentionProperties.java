package org.safesteps.learner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an idle learner is kept.
 *
 * @param learnerIdle learners not seen for longer are deleted with everything they own
 * @param checkEvery how often the retention job runs
 */
@ConfigurationProperties("safesteps.retention")
record RetentionProperties(@DefaultValue("400d") Duration learnerIdle, @DefaultValue("6h") Duration checkEvery) {
}
