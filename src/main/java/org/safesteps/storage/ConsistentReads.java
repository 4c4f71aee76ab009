package org.safesteps.storage;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;

/**
 * Reads of every collection of a database as they all were at one moment, for a backup, while
 * writes go on: on a real MongoDB (a replica set, 5.0 or later) through a snapshot session; on the
 * embedded server's files through H2's own snapshot of its maps ({@link FileSnapshot}). Only the
 * embedded server's memory backend (tests) has no snapshot: there writes wait meanwhile, at its
 * {@link WriteGate}.
 */
public interface ConsistentReads {

	/** Runs {@code reader} on {@code database} as it was when this was called, and returns what it returns. */
	<T> T atOneMoment(MongoDatabase database, Function<Snapshot, T> reader);

	/** The collections of one database, each as it was at one moment. */
	interface Snapshot {

		/** The collections' names in order, without the database's own ({@code system.*}). */
		List<String> collectionNames();

		/** Gives {@code action} each document of {@code collection}, in the collection's natural order. */
		void forEach(String collection, Consumer<RawBsonDocument> action);

	}

}
