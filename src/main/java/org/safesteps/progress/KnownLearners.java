package org.safesteps.progress;

import java.util.Collection;
import java.util.Set;

/**
 * Which learners still exist, asked by the step mark writer after each batch: a learner deleted on
 * another instance may still be recognised here for a few seconds, and a mark written for them
 * then must not stay behind. The learner feature, which owns {@code learners}, answers.
 */
public interface KnownLearners {

	/** The ids among {@code learnerIds} that belong to a learner in the database now. */
	Set<String> existing(Collection<String> learnerIds);

}
