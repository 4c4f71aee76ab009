package org.safesteps.learner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an instance keeps the learner behind a cookie in memory instead of reading
 * {@code learners} on every page.
 *
 * @param keepFor a learner read from the database is trusted this long; a learner forgotten on
 *        another instance (forget me, removed by a teacher, retention, class deleted) or given a
 *        new cookie there is still recognised here for at most this long. The instance that
 *        deletes or changes a learner forgets them at once.
 * @param maxLearners a bound on memory (about half a kilobyte a learner), not a policy
 */
@ConfigurationProperties("safesteps.learner-lookup")
record LearnerLookupProperties(@DefaultValue("5s") Duration keepFor, @DefaultValue("20000") int maxLearners) {
}
