package org.safesteps.progress;

import java.util.List;

/**
 * Who sent each quiz submission of a batch, confirmed once per batch just before its attempts are
 * written: an attempt must not be stored for a learner deleted meanwhile on any instance, nor for a
 * browser whose cookie no longer names them. The learner feature, which owns the learners, answers
 * (one database read for the whole batch), so a request needs no read of its own.
 */
public interface Submitters {

	/** A submission's owner and the key the learner feature knows its sender by (the cookie's token hash). */
	record Submitter(Owner owner, String key) {
	}

	/**
	 * For each submitter, in order, whether the database still holds that learner under that key,
	 * with the same class and band. Throws as any read does when the database is unreachable.
	 */
	List<Boolean> stillThere(List<Submitter> submitters);

}
