package org.safesteps.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code forgotten_learners} log: one small document for each learner deleted or changed
 * (forget me, removed by a teacher, a class deleted, retention, a new cookie or resume code, a band
 * change), which every instance reads once a second to drop its kept copy
 * ({@link ForgettingPoller}). Each entry's {@code at} is the database server's own time
 * ({@code $currentDate}), so instances compare times of one clock, never their own.
 */
@Component
class ForgottenLearners implements ForgettingPoller.Log {

	static final String COLLECTION = "forgotten_learners";

	/**
	 * How long an entry stays (TTL index on {@code at}, and {@link #deleteBefore} on the embedded
	 * server, which has no TTL monitor): far longer than an instance trusts its kept learners
	 * without a successful read of the log, after which it drops them all anyway.
	 */
	static final Duration KEEP = Duration.ofMinutes(10);

	/** One entry: its id, the learner, and when the database server wrote it. */
	record Entry(Object id, String learnerId, Instant at) {
	}

	private final MongoTemplate mongo;

	ForgottenLearners(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Notes that this learner was deleted or changed; written after the change itself. */
	void note(String learnerId) {
		// an upsert, because $currentDate (the server's clock) exists only as an update operator
		this.mongo.getCollection(COLLECTION)
			.updateOne(Filters.eq("_id", new ObjectId()),
					Updates.combine(Updates.set("learnerId", learnerId), Updates.currentDate("at")),
					new UpdateOptions().upsert(true));
	}

	/** The entries written at or after {@code from} (the server's time), or all of them if null. */
	@Override
	public List<Entry> since(Instant from) {
		Bson filter = (from != null) ? Filters.gte("at", Date.from(from)) : new Document();
		List<Entry> entries = new ArrayList<>();
		for (Document entry : this.mongo.getCollection(COLLECTION)
			.find(filter)
			.projection(Projections.include("learnerId", "at"))) {
			entries.add(new Entry(entry.get("_id"), entry.getString("learnerId"), entry.getDate("at").toInstant()));
		}
		return entries;
	}

	/** Deletes the entries written before {@code before} (the server's time). */
	@Override
	public void deleteBefore(Instant before) {
		this.mongo.getCollection(COLLECTION).deleteMany(Filters.lt("at", Date.from(before)));
	}

}
