package org.safesteps.progress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * One unordered bulk write whose items succeed or fail on their own: a duplicate key in one item
 * does not stop the others, and the caller gets each failed item's error by its index.
 */
final class BulkWrites {

	private BulkWrites() {
	}

	/**
	 * Sends the writes as one bulk write (one round trip per command of up to 100,000 items) with the
	 * collection's write concern. Returns the write errors by item index, none when all succeeded.
	 * Throws, so that nothing is acknowledged, when the write concern itself failed (the items were
	 * applied but not confirmed durable) or the whole command failed.
	 */
	static Map<Integer, BulkWriteError> unordered(MongoCollection<Document> collection,
			List<? extends WriteModel<Document>> writes) {
		try {
			collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
			return Map.of();
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteConcernError() != null) {
				throw ex;
			}
			Map<Integer, BulkWriteError> errors = new HashMap<>();
			for (BulkWriteError error : ex.getWriteErrors()) {
				errors.put(error.getIndex(), error);
			}
			return errors;
		}
	}

}
