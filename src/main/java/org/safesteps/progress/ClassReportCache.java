package org.safesteps.progress;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * This instance's class reports, each kept with the {@link Stamp} of the data it was counted from
 * and used again only while the stamp read before each page is the same. The stamp is the class's
 * counter ({@link ClassReportVersions}), which every write of the app that changes the report counts
 * up, and the class's learners (read anyway for the matrix), which catch a learner who joined or
 * was deleted: two small reads by index. The numbers of progress and attempt documents were part of
 * the stamp until issue 25; counting them on the embedded server read every document of the class,
 * a fifth of the page's CPU time at 35 learners x 12 modules. A change made around the app (an edit
 * in the database by hand, a count-up lost with the database process) now shows with the class's
 * next counted change or after {@link #MAX_AGE} at the latest; a restore runs with the app stopped
 * (backup/RestoreCommand), so no report kept in memory outlives it.
 */
final class ClassReportCache {

	/** Classes kept; about 60 KB each at 35 learners x 12 modules. */
	static final int CLASSES = 500;

	/**
	 * How long a report may be used at most, even with an unchanged stamp: bounds what a lost
	 * count-up (see {@link ClassReportVersions#changed}) or an edit in the database by hand could
	 * leave on screen.
	 */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final ClassReportVersions versions;

	private final Cache<String, Kept> kept;

	ClassReportCache(ClassReportVersions versions) {
		this(versions, Ticker.systemTicker());
	}

	/** With the clock that ages the reports kept (tests move it on). */
	ClassReportCache(ClassReportVersions versions, Ticker ticker) {
		this.versions = versions;
		this.kept = Caffeine.newBuilder().maximumSize(CLASSES).expireAfterWrite(MAX_AGE).ticker(ticker).build();
	}

	/**
	 * The stamp of a class's data now. The counter is read first: a write that lands while the
	 * report is then counted is followed by its count-up, so the next page sees a new stamp.
	 */
	Stamp stamp(String classId, Supplier<List<ClassReports.LearnerRef>> learners) {
		long version = this.versions.current(classId);
		return new Stamp(version, learners.get());
	}

	/** The report kept for this stamp and these modules, or a fresh one counted now and kept. */
	ClassReports.Summary get(String classId, List<String> moduleIds, Stamp stamp,
			Supplier<ClassReports.Summary> count) {
		Kept found = this.kept.getIfPresent(classId);
		if (found != null && found.stamp().equals(stamp) && found.moduleIds().equals(moduleIds)) {
			return found.summary();
		}
		ClassReports.Summary fresh = count.get();
		// a slower page with an older stamp may overwrite a newer one: the next page then counts again
		this.kept.put(classId, new Kept(stamp, List.copyOf(moduleIds), fresh));
		return fresh;
	}

	void forget(String classId) {
		this.kept.invalidate(classId);
	}

	/** What a report was counted from: the class's counter and its learners. */
	record Stamp(long version, List<ClassReports.LearnerRef> learners) {

		Stamp {
			learners = List.copyOf(learners);
		}

	}

	private record Kept(Stamp stamp, List<String> moduleIds, ClassReports.Summary summary) {
	}

}
