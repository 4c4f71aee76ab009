package org.safesteps.progress;

import java.util.List;
import java.util.Optional;

import com.mongodb.WriteConcern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code attempts} collection: raw graded submissions, one per submission id (unique index). */
@Component
public class AttemptStore {

	private final MongoTemplate mongo;

	/**
	 * Inserts with {@code w: 1, j: false}: answered once applied, without waiting for the journal.
	 * Safe only because nobody is told an attempt was saved before the progress write that always
	 * follows it (see {@link QuizSubmissions}) is acknowledged with the default {@code majority},
	 * journaled concern, which makes every earlier write durable with it (on MongoDB the journal and
	 * the majority commit point advance in order; on the embedded server the next group commit takes
	 * every change applied before it). One wait for the disk per submission instead of two.
	 */
	private final MongoTemplate unjournaled;

	public AttemptStore(MongoTemplate mongo) {
		this.mongo = mongo;
		this.unjournaled = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter());
		this.unjournaled.setWriteConcern(WriteConcern.W1.withJournal(false));
	}

	/**
	 * Inserts the attempt unless its submission id was recorded before, in which case the first one
	 * is returned: the unique index decides, so parallel resubmissions record exactly one attempt.
	 * The caller must follow a first recording with an acknowledged write before answering.
	 */
	Recorded record(Attempt attempt) {
		try {
			return new Recorded(this.unjournaled.insert(attempt), true);
		}
		catch (DuplicateKeyException ex) {
			return new Recorded(findBySubmissionId(attempt.submissionId()).orElseThrow(() -> ex), false);
		}
	}

	public Optional<Attempt> findBySubmissionId(String submissionId) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("submissionId").is(submissionId)), Attempt.class));
	}

	public List<Attempt> forLearner(String learnerId) {
		return this.mongo.find(Query.query(Criteria.where("learnerId").is(learnerId)), Attempt.class);
	}

	public List<Attempt> forClassModule(String classId, String moduleId) {
		return this.mongo.find(Query.query(Criteria.where("classId").is(classId).and("moduleId").is(moduleId)),
				Attempt.class);
	}

	public void deleteLearner(String learnerId) {
		this.mongo.remove(Query.query(Criteria.where("learnerId").is(learnerId)), Attempt.class);
	}

	/** An attempt and whether this call recorded it (false: it was a resubmission). */
	record Recorded(Attempt attempt, boolean first) {
	}

}
