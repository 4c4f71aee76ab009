package org.safesteps.learner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import org.safesteps.classroom.ClassEvents;
import org.safesteps.storage.Leases;

/**
 * Deletes learners nobody has seen for {@code safesteps.retention.learner-idle}, with their
 * progress and attempts, and the learners of removed classes. A scheduled job, because TTL indexes
 * are not enforced by the embedded server (and would leave progress and attempts behind anyway).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private static final int BATCH = 500;

	static final String LEASE = "retention";

	private static final Duration LEASE_HOLD = Duration.ofHours(1);

	private final LearnerStore store;

	private final Learners learners;

	private final RetentionProperties properties;

	private final Clock clock;

	private final Leases leases;

	RetentionJob(LearnerStore store, Learners learners, RetentionProperties properties, Clock clock, Leases leases) {
		this.store = store;
		this.learners = learners;
		this.properties = properties;
		this.clock = clock;
		this.leases = leases;
	}

	/**
	 * Deletes every idle learner; returns how many. Every app instance schedules this; the lease
	 * lets one of them run it, once per {@code check-every} (the others return 0).
	 */
	@Scheduled(initialDelayString = "${safesteps.retention.first-run-after:1m}",
			fixedDelayString = "${safesteps.retention.check-every:6h}")
	int deleteIdleLearners() {
		return this.leases.runOncePer(LEASE, this.properties.checkEvery(), LEASE_HOLD, this::deleteAllIdle).orElse(0);
	}

	private int deleteAllIdle() {
		Instant cutoff = this.clock.instant().minus(this.properties.learnerIdle());
		int deleted = 0;
		List<Learner> idle;
		do {
			idle = this.store.idleSince(cutoff, BATCH);
			idle.forEach((learner) -> this.learners.delete(learner.id()));
			deleted += idle.size();
		}
		while (idle.size() == BATCH);
		if (deleted > 0) {
			log.info("Retention: deleted {} idle learners", deleted);
		}
		return deleted;
	}

	@EventListener
	void on(ClassEvents.LearnerRemoved event) {
		this.learners.delete(event.learnerId());
	}

	@EventListener
	void on(ClassEvents.ClassDeleted event) {
		this.store.inClass(event.classId()).forEach((learner) -> this.learners.delete(learner.id()));
	}

}
