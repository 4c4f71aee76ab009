package org.safesteps.progress;

import org.safesteps.content.Band;

/**
 * Whose progress or attempt this is: the learner, their class (null for a self-learner) and the band
 * they read in. Copied onto each document so class reports need no join.
 */
public record Owner(String learnerId, String classId, Band band) {
}
