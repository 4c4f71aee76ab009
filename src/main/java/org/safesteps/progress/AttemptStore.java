package org.safesteps.progress;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.WriteConcern;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertOneModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code attempts} collection: raw graded submissions, one per submission id (unique index). */
@Component
public class AttemptStore {

	/**
	 * Attempts are inserted with {@code w: 1, j: false}: answered once applied, without waiting for
	 * the journal. Safe only because nobody is told an attempt was saved before the progress write
	 * that always follows it (see {@link QuizWrites}) is acknowledged with the default
	 * {@code majority}, journaled concern, which makes every earlier write durable with it (on MongoDB
	 * the journal and the majority commit point advance in order; on the embedded server the next
	 * group commit takes every change applied before it). One wait for the disk per batch of
	 * submissions instead of two.
	 */
	static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

	private final MongoTemplate mongo;

	public AttemptStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Inserts the attempts in one unordered bulk write ({@link #UNJOURNALED}); an attempt whose
	 * submission id was recorded before fails alone, with a duplicate key error: the unique index
	 * decides, so parallel resubmissions record exactly one attempt. Returns the write errors by
	 * index. The caller must follow it with an acknowledged write before telling anyone.
	 */
	Map<Integer, BulkWriteError> insertAll(List<Attempt> attempts) {
		List<InsertOneModel<Document>> inserts = new ArrayList<>(attempts.size());
		for (Attempt attempt : attempts) {
			inserts.add(new InsertOneModel<>(document(attempt)));
		}
		return this.mongo.execute(Attempt.class,
				(collection) -> BulkWrites.unordered(collection.withWriteConcern(UNJOURNALED), inserts));
	}

	/**
	 * The attempt as the template's converter writes it (field for field, with its {@code _class}),
	 * built directly: the converter cost about 2% of a quiz submission's CPU. QuizWritesTest compares
	 * the two.
	 */
	static Document document(Attempt attempt) {
		List<Document> answers = new ArrayList<>(attempt.answers().size());
		for (Attempt.Answer answer : attempt.answers()) {
			Document written = new Document();
			putPresent(written, "questionId", answer.questionId());
			answers.add(written.append("chosen", new ArrayList<>(answer.chosen())).append("correct", answer.correct()));
		}
		// as the converter: a property that is null is left out
		Document document = new Document();
		putPresent(document, "_id", attempt.id());
		putPresent(document, "submissionId", attempt.submissionId());
		putPresent(document, "learnerId", attempt.learnerId());
		putPresent(document, "classId", attempt.classId());
		putPresent(document, "moduleId", attempt.moduleId());
		putPresent(document, "band", attempt.band());
		putPresent(document, "contentVersion", attempt.contentVersion());
		document.append("answers", answers)
			.append("score", attempt.score())
			.append("correctCount", attempt.correctCount())
			.append("questionCount", attempt.questionCount());
		putPresent(document, "createdAt", (attempt.createdAt() != null) ? Date.from(attempt.createdAt()) : null);
		return document.append("_class", Attempt.class.getName());
	}

	private static void putPresent(Document document, String key, Object value) {
		if (value != null) {
			document.append(key, value);
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

}
