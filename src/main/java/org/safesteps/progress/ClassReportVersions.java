package org.safesteps.progress;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;

import com.mongodb.WriteConcern;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.safesteps.classroom.ClassEvents;

/**
 * One small document per class ({@code class_report_versions}: {@code _id} the class id, {@code
 * version} a counter) that every write changing what the class report shows counts up, after the
 * write itself. Each app instance keeps its reports in memory ({@link ClassReports}) and reads this
 * counter, by {@code _id}, before it uses one: a change made on any instance shows on all of them
 * from the next page. Counting up after the data means a report read in between can only be newer
 * than its version says, never older.
 */
@Component
class ClassReportVersions {

	static final String COLLECTION = "class_report_versions";

	private final MongoTemplate mongo;

	public ClassReportVersions(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The class's counter, 0 before its first change. */
	long current(String classId) {
		Document found = this.mongo.getCollection(COLLECTION)
			.find(Filters.eq("_id", classId))
			.projection(Projections.include("version"))
			.first();
		return (found != null && found.get("version") instanceof Number version) ? version.longValue() : 0;
	}

	/**
	 * Counts the class's version up; call after the write that changed the class's data. Sent with
	 * {@code w: 1, j: false} (as the attempt insert, see {@link AttemptStore}): it is applied and
	 * seen by the next read on every instance (on a replica set once a majority has it, milliseconds
	 * later), without a second wait for the disk on the quiz and lesson paths.
	 * Lost only with the database process itself (an unclean stop of the embedded server takes the
	 * reports in memory with it; on MongoDB, a primary lost within moments of the write), which the
	 * age limit of the reports kept ({@link ClassReportCache#MAX_AGE}) bounds.
	 */
	void changed(String classId) {
		if (classId == null) {
			return;
		}
		this.mongo.getCollection(COLLECTION)
			.withWriteConcern(WriteConcern.W1.withJournal(false))
			.updateOne(Filters.eq("_id", classId), Updates.inc("version", 1L), new UpdateOptions().upsert(true));
	}

	/** {@link #changed(String)} for the classes of a batch of writes, in one unordered bulk write. */
	void changed(Collection<String> classIds) {
		List<UpdateOneModel<Document>> counts = classIds.stream()
			.filter(Objects::nonNull)
			.distinct()
			.map((classId) -> new UpdateOneModel<Document>(Filters.eq("_id", classId), Updates.inc("version", 1L),
					new UpdateOptions().upsert(true)))
			.toList();
		if (!counts.isEmpty()) {
			this.mongo.getCollection(COLLECTION)
				.withWriteConcern(WriteConcern.W1.withJournal(false))
				.bulkWrite(counts, new BulkWriteOptions().ordered(false));
		}
	}

	@EventListener
	void on(ClassEvents.ClassDeleted event) {
		this.mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", event.classId()));
	}

}
