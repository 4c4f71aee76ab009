package org.safesteps.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How "step reached" marks are written behind the lesson page.
 *
 * @param every the writer writes what has queued at least this often; a crash loses at most about
 *        this much of the latest marks
 * @param batch this many queued marks are written at once without waiting for {@code every}
 * @param maxQueued a bound on memory while the database is unreachable: further marks are dropped
 */
@ConfigurationProperties("safesteps.step-marks")
record StepMarkProperties(@DefaultValue("250ms") Duration every, @DefaultValue("500") int batch,
		@DefaultValue("50000") int maxQueued) {
}
