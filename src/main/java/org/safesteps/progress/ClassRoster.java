package org.safesteps.progress;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is in a class, as the reports need it. The learners belong to the {@code learner} module (it
 * alone reads and writes the {@code learners} collection) and it implements this: {@code learner}
 * already uses {@code progress} to record progress, so {@code progress} may not use {@code learner}
 * back (a cycle), and asks through this interface instead.
 */
public interface ClassRoster {

	/** The learners of a class, in no particular order. */
	List<ClassReports.LearnerRef> learners(String classId);

	/** The learner of a class with this pseudonym. */
	Optional<ClassReports.LearnerRef> learner(String classId, String pseudonym);

	/** Class id to its number of learners, for every class with at least one. */
	Map<String, Integer> classSizes();

	/**
	 * Which of these learners are in the database now (one read): a quiz submission is stored only
	 * for a learner who is, not for one deleted since the page read a kept copy of them.
	 */
	Set<String> present(Collection<String> learnerIds);

}
