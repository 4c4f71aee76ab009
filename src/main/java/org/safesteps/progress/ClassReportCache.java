package org.safesteps.progress;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * This instance's class reports, each kept with the {@link Stamp} of the data it was counted from
 * and used again only while the stamp read before each page is the same. The stamp is the class's
 * counter ({@link ClassReportVersions}), which the app's own writes count up, and what catches a
 * change made any other way (a restore, an edit in the database, a write whose count-up was lost):
 * the class's learners (read anyway for the matrix) and its numbers of progress and attempt
 * documents. Four small reads instead of every progress and attempt document of the class.
 */
final class ClassReportCache {

	/** Classes kept; about 60 KB each at 35 learners x 12 modules. */
	static final int CLASSES = 500;

	/**
	 * How long a report may be used at most, even with an unchanged stamp: bounds what a lost
	 * count-up (see {@link ClassReportVersions#changed}) could leave on screen.
	 */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private final MongoTemplate mongo;

	private final ClassReportVersions versions;

	private final Cache<String, Kept> kept = Caffeine.newBuilder()
		.maximumSize(CLASSES)
		.expireAfterWrite(MAX_AGE)
		.build();

	ClassReportCache(MongoTemplate mongo, ClassReportVersions versions) {
		this.mongo = mongo;
		this.versions = versions;
	}

	/**
	 * The stamp of a class's data now. The counter is read first: a write that lands while the
	 * report is then counted is followed by its count-up, so the next page sees a new stamp.
	 */
	Stamp stamp(String classId, Supplier<List<ClassReports.LearnerRef>> learners) {
		long version = this.versions.current(classId);
		return new Stamp(version, learners.get(), count("progress", classId), count("attempts", classId));
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

	/**
	 * The {@code count} command, not {@code countDocuments}: MongoDB answers it from the
	 * {@code class_module} index alone, and the embedded server from its index too, where
	 * {@code countDocuments} (an aggregation) would read the whole collection there.
	 */
	private long count(String collection, String classId) {
		Document result = this.mongo.getDb()
			.runCommand(new Document("count", collection).append("query", new Document("classId", classId)));
		return (result.get("n") instanceof Number n) ? n.longValue() : -1;
	}

	/** What a report was counted from: the class's counter, its learners, its numbers of documents. */
	record Stamp(long version, List<ClassReports.LearnerRef> learners, long progress, long attempts) {

		Stamp {
			learners = List.copyOf(learners);
		}

	}

	private record Kept(Stamp stamp, List<String> moduleIds, ClassReports.Summary summary) {
	}

}
