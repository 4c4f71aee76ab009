package org.safesteps.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
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

	/** Step marks only: see {@link #markStep}. */
	private final MongoTemplate unjournaled;

	/**
	 * The highest step this instance saw reached, by learner, module and the lesson's step count
	 * (-1: none). Bounded (about 200 bytes an entry) and refreshed now and then, so a restored backup
	 * with less progress is written again within minutes.
	 */
	private final Cache<String, Integer> stepsSeen = Caffeine.newBuilder()
		.maximumSize(50_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();
	private final ClassReportVersions reports;

	public ProgressStore(MongoTemplate mongo, Clock clock, ClassReportVersions reports) {
		this.mongo = mongo;
		this.clock = clock;
		this.reports = reports;
		this.unjournaled = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
		this.unjournaled.setWriteConcern(WriteConcern.W1.withJournal(false));
	}

	/**
	 * Whether the learner has reached this step (0-based) of a lesson of {@code stepsTotal} steps:
	 * from this instance's memory of the steps it saw reached, else one read by the unique key,
	 * remembered. So reading a lesson again costs no database work at all. Memory is never ahead of
	 * the database: a step reached is never un-reached ({@code $max} in {@link #markStep}), and
	 * progress is deleted only with its learner, whose ids are never reused, so a remembered step
	 * of a deleted learner only saves a write nobody wants.
	 */
	public boolean reached(String learnerId, String moduleId, int stepIndex, int stepsTotal) {
		String key = stepKey(learnerId, moduleId, stepsTotal);
		Integer known = this.stepsSeen.getIfPresent(key);
		if (known != null && known >= stepIndex) {
			return true;
		}
		Progress found = find(learnerId, moduleId);
		int stored = (found != null && found.stepsTotal() == stepsTotal) ? found.stepReached() : -1;
		return this.stepsSeen.asMap().merge(key, stored, Math::max) >= stepIndex;
	}

	/**
	 * Records that the learner has reached this step (0-based); a lower step never lowers it. Ask
	 * {@link #reached} first: most page views are re-reads, which need no write. The write is one
	 * upsert with {@code w: 1, j: false}: answered once applied, on disk with the next commit (any
	 * acknowledged write's, or H2's own background commit about a second later), so the page waits
	 * for no disk, and a crash may lose the last moments' step marks, never a quiz result
	 * (docs/data.md, "Durability"). Nothing is queued or sent again: a failed write fails this call
	 * only, and the learner's next page tries again.
	 */
	public void markStep(Owner owner, String moduleId, int stepIndex, int stepsTotal) {
		Instant now = this.clock.instant();
		Update update = new Update().max("stepReached", stepIndex)
			.set("stepsTotal", stepsTotal)
			.set("updatedAt", now)
			.setOnInsert("classId", owner.classId())
			.setOnInsert("band", owner.band().name())
			.setOnInsert("startedAt", now)
			.setOnInsert("attempts", 0);
		Query query = byKey(owner.learnerId(), moduleId);
		try {
			this.unjournaled.upsert(query, update, Progress.class);
		}
		catch (DuplicateKeyException ex) {
			// Two first upserts raced and the unique index let one insert win; now the document
			// exists, so the same update applies to it.
			this.unjournaled.upsert(query, update, Progress.class);
		}
		this.stepsSeen.asMap().merge(stepKey(owner.learnerId(), moduleId, stepsTotal), stepIndex, Math::max);
		this.reports.changed(owner.classId());
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
		Counting counting = new Counting(owner, moduleId, submissionId, score, submittedAt, stepsTotal);
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		Progress recorded = null;
		for (int tries = 0; tries < 2 && recorded == null; tries++) {
			try {
				recorded = this.mongo.findAndModify(notCounted(counting), counted(counting), options, Progress.class);
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
	 * The same writes as {@link #recordAttempt} for several submissions, as one unordered bulk write
	 * with the client's write concern (majority, journaled): acknowledged only once durable, with
	 * every write applied before it. Returns the write errors by index; an item that failed (a
	 * parallel first upsert of the same document collides on the unique key) is left to
	 * {@link #recordAttempt}, which tries again.
	 */
	Map<Integer, BulkWriteError> recordAttempts(List<Counting> countings) {
		List<UpdateOneModel<Document>> writes = new ArrayList<>(countings.size());
		for (Counting counting : countings) {
			writes.add(countingWrite(counting, this.clock.instant()));
		}
		Map<Integer, BulkWriteError> failed = this.mongo.execute(Progress.class,
				(collection) -> BulkWrites.unordered(collection, writes));
		// after the attempts and their progress: the classes' reports count both again
		this.reports.changed(countings.stream().map((counting) -> counting.owner().classId()).toList());
		return failed;
	}

	/**
	 * Counts a submission once: only a document that has not counted this id matches, and the same
	 * atomic write adds the id (completed from the first submission on, best score kept, attempts
	 * counted).
	 */
	private Update counted(Counting counting) {
		Update update = new Update().max("bestScore", counting.score())
			.inc("attempts", 1)
			.min("completedAt", counting.submittedAt())
			.set("updatedAt", this.clock.instant())
			.setOnInsert("classId", counting.owner().classId())
			.setOnInsert("band", counting.owner().band().name())
			.setOnInsert("startedAt", counting.submittedAt())
			.setOnInsert("stepReached", 0)
			.setOnInsert("stepsTotal", counting.stepsTotal());
		// the last ids are enough: a retry follows its failure within minutes, not after 50 more attempts
		update.push(COUNTED).slice(-COUNTED_KEPT).each(counting.submissionId());
		return update;
	}

	/**
	 * {@link #notCounted} and {@link #counted} as the documents the template would map them to, built
	 * directly: mapping them through Spring Data's query and update mappers cost about 4.5% of a quiz
	 * submission's CPU (docs/performance.md, "The quiz's writes built as documents").
	 * ProgressStoreTest stores a submission both ways and compares the documents.
	 */
	private static UpdateOneModel<Document> countingWrite(Counting counting, Instant now) {
		Owner owner = counting.owner();
		Date submittedAt = Date.from(counting.submittedAt());
		Document notCounted = new Document("learnerId", owner.learnerId()).append("moduleId", counting.moduleId())
			.append(COUNTED, new Document("$ne", counting.submissionId()));
		Document counted = new Document("$max", new Document("bestScore", counting.score()))
			.append("$inc", new Document("attempts", 1))
			.append("$min", new Document("completedAt", submittedAt))
			.append("$set", new Document("updatedAt", Date.from(now)))
			.append("$setOnInsert", new Document("classId", owner.classId()).append("band", owner.band().name())
				.append("startedAt", submittedAt)
				.append("stepReached", 0)
				.append("stepsTotal", counting.stepsTotal()))
			.append("$push", new Document(COUNTED,
					new Document("$each", List.of(counting.submissionId())).append("$slice", -COUNTED_KEPT)));
		return new UpdateOneModel<>(notCounted, counted, new UpdateOptions().upsert(true));
	}

	private static Query notCounted(Counting counting) {
		return byKey(counting.owner().learnerId(), counting.moduleId())
			.addCriteria(Criteria.where(COUNTED).ne(counting.submissionId()));
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

	/**
	 * A quiz submission to count in the learner's progress.
	 *
	 * @param submittedAt when the attempt was recorded (so a late retry does not move completion)
	 */
	record Counting(Owner owner, String moduleId, String submissionId, int score, Instant submittedAt,
			int stepsTotal) {
	}

	private static Query byKey(String learnerId, String moduleId) {
		return Query.query(Criteria.where("learnerId").is(learnerId).and("moduleId").is(moduleId));
	}

	private static String stepKey(String learnerId, String moduleId, int stepsTotal) {
		return learnerId + '|' + moduleId + '|' + stepsTotal;
	}

}
