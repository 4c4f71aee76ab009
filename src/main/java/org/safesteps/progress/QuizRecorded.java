package org.safesteps.progress;

import java.time.Instant;

/**
 * A learner's quiz submission was recorded for the first time (a resubmission of the same form is
 * not a new one). Published in the request that submitted it, after progress is written, for
 * features that pass scores on (LTI grades); nothing about the learner but their random id. The
 * learner's best score is in their progress (written in bulk with other submissions, so it is not
 * read back here; a listener that needs it reads it).
 *
 * @param score this attempt's score, 0-100
 */
public record QuizRecorded(String learnerId, String classId, String moduleId, int score, Instant submittedAt) {
}
