package org.safesteps.progress;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far one learner got in one module: a summary, kept apart from the raw attempts.
 *
 * @param band the band name (e.g. {@code AGES_8_10}) the module was read in
 * @param stepReached the highest step index reached, 0-based
 * @param completedAt when the quiz was first submitted, or null
 * @param bestScore the best quiz score 0-100, or null before any attempt
 */
@Document("progress")
public record Progress(@Id String id, String learnerId, String classId, String moduleId, String band, int stepReached,
		int stepsTotal, Instant startedAt, Instant completedAt, Integer bestScore, int attempts, Instant updatedAt) {

	public boolean completed() {
		return this.completedAt != null;
	}

}
