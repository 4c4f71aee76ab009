package org.safesteps.learner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an instance keeps the learner behind a cookie in memory instead of reading
 * {@code learners} on every page, and how it hears of learners forgotten on other instances.
 *
 * @param keepFor a learner read from the database is kept this long (a bound on memory and on
 *        anything a missed entry of the log could leave, not how fast forgetting travels)
 * @param maxLearners a bound on memory (about half a kilobyte a learner), not a policy
 * @param pollEvery how often the {@code forgotten_learners} log is read: a learner forgotten (forget
 *        me, removed by a teacher, retention, class deleted) or given a new cookie on another
 *        instance is dropped here at the next read
 * @param trustFor kept learners are used only while the last successful read of the log began at
 *        most this long ago; after that (the database unreachable) every lookup reads the database,
 *        so a forgotten learner is never recognised here longer than this
 */
@ConfigurationProperties("safesteps.learner-lookup")
record LearnerLookupProperties(@DefaultValue("10m") Duration keepFor, @DefaultValue("20000") int maxLearners,
		@DefaultValue("1s") Duration pollEvery, @DefaultValue("5s") Duration trustFor) {
}
