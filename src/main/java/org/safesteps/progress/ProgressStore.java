package org.safesteps.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.safesteps.content.Band;

/**
 * The {@code progress} collection: one document per (learner, module), kept unique by its index.
 * Every change is one atomic upsert ({@code $max}, {@code $inc}, {@code $min}), so parallel requests
 * from the same learner never lose a step or an attempt.
 */
@Component
public class ProgressStore {

	/** The submission ids a progress document has counted, newest last. */
	private static final String COUNTED = "countedSubmissions";

	private static final int COUNTED_KEPT = 50;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final ClassReportVersions reports;

	public ProgressStore(MongoTemplate mongo, Clock clock, ClassReportVersions reports) {
		this.mongo = mongo;
		this.clock = clock;
		this.reports = reports;
	}

	/**
	 * Records that the learner has reached this step (0-based); a lower step never lowers it. A step
	 * already reached writes nothing: reading a lesson again is a read by the unique key, not a write
	 * (writes cost far more than reads on the embedded database, and most page views are re-reads).
	 */
	public Progress reachStep(Owner owner, String moduleId, int stepIndex, int stepsTotal) {
		Progress known = find(owner.learnerId(), moduleId);
		if (known != null && known.stepReached() >= stepIndex && known.stepsTotal() == stepsTotal) {
			return known;
		}
		Instant now = this.clock.instant();
		Update update = new Update().max("stepReached", stepIndex)
			.set("stepsTotal", stepsTotal)
			.set("updatedAt", now)
			.setOnInsert("classId", owner.classId())
			.setOnInsert("band", owner.band().name())
			.setOnInsert("startedAt", now)
			.setOnInsert("attempts", 0);
		Progress reached = upsert(owner.learnerId(), moduleId, update);
		this.reports.changed(owner.classId());
		return reached;
	}

	/**
	 * Records a quiz submission once, however often it is called for the same submission id: the
	 * update only matches a document that has not counted this id yet, and adds the id in the same
	 * atomic write (completed from the first submission on, best score kept, attempts counted). A
	 * call for an id already counted changes nothing.
	 *
	 * @param submittedAt when the attempt was recorded (so a late retry does not move completion)
	 */
	Progress recordAttempt(Owner owner, String moduleId, String submissionId, int score, Instant submittedAt,
			int stepsTotal) {
		Instant now = this.clock.instant();
		Update update = new Update().max("bestScore", score)
			.inc("attempts", 1)
			.min("completedAt", submittedAt)
			.set("updatedAt", now)
			.setOnInsert("classId", owner.classId())
			.setOnInsert("band", owner.band().name())
			.setOnInsert("startedAt", submittedAt)
			.setOnInsert("stepReached", 0)
			.setOnInsert("stepsTotal", stepsTotal);
		// the last ids are enough: a retry follows its failure within minutes, not after 50 more attempts
		update.push(COUNTED).slice(-COUNTED_KEPT).each(submissionId);
		Query notCounted = byKey(owner.learnerId(), moduleId).addCriteria(Criteria.where(COUNTED).ne(submissionId));
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		Progress recorded = null;
		for (int tries = 0; tries < 2 && recorded == null; tries++) {
			try {
				recorded = this.mongo.findAndModify(notCounted, update, options, Progress.class);
			}
			catch (DuplicateKeyException ex) {
				// Either a parallel first upsert inserted the document (the next try updates it), or
				// the document exists and has counted this id already (the upsert's insert collides).
			}
		}
		if (recorded == null) {
			// counted by a parallel request with the same id, which counts the class's version up
			return find(owner.learnerId(), moduleId);
		}
		// after the attempt and its progress: the class's report counts both again
		this.reports.changed(owner.classId());
		return recorded;
	}

	/**
	 * Whether the learner's progress has counted this submission: a read by the unique key, so a
	 * resubmission (a double click, the back button) costs no write when nothing was lost.
	 */
	boolean counted(String learnerId, String moduleId, String submissionId) {
		return this.mongo.exists(byKey(learnerId, moduleId).addCriteria(Criteria.where(COUNTED).is(submissionId)),
				Progress.class);
	}

	/**
	 * The learner's progress in these modules: one query, served by the leading key of the unique
	 * (learnerId, moduleId) index (on the embedded server by that index's companion, see
	 * {@code IndexingBackends}).
	 */
	public List<Progress> forModules(String learnerId, Collection<String> moduleIds) {
		if (moduleIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(Query.query(Criteria.where("learnerId").is(learnerId).and("moduleId").in(moduleIds)),
				Progress.class);
	}

	/** Every progress record of a learner, by the leading key of the unique (learnerId, moduleId) index. */
	public List<Progress> forLearner(String learnerId) {
		return this.mongo.find(Query.query(Criteria.where("learnerId").is(learnerId)), Progress.class);
	}

	public List<Progress> forClass(String classId) {
		return this.mongo.find(Query.query(Criteria.where("classId").is(classId)), Progress.class);
	}

	public void deleteLearner(String learnerId) {
		this.mongo.remove(Query.query(Criteria.where("learnerId").is(learnerId)), Progress.class);
	}

	private Progress find(String learnerId, String moduleId) {
		return this.mongo.findOne(byKey(learnerId, moduleId), Progress.class);
	}

	private static Query byKey(String learnerId, String moduleId) {
		return Query.query(Criteria.where("learnerId").is(learnerId).and("moduleId").is(moduleId));
	}

	private Progress upsert(String learnerId, String moduleId, Update update) {
		Query query = byKey(learnerId, moduleId);
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		try {
			return this.mongo.findAndModify(query, update, options, Progress.class);
		}
		catch (DuplicateKeyException ex) {
			// Two first upserts raced and the unique index let one insert win; now the document
			// exists, so the same update applies to it.
			return this.mongo.findAndModify(query, update, options, Progress.class);
		}
	}

}
