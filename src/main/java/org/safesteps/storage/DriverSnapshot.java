package org.safesteps.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;

/**
 * A {@link ConsistentReads.Snapshot} read through the driver: in a snapshot session on MongoDB, or
 * in plain reads ({@code session} null) while nothing writes.
 */
public final class DriverSnapshot implements ConsistentReads.Snapshot {

	private final MongoDatabase database;

	private final ClientSession session;

	DriverSnapshot(MongoDatabase database, ClientSession session) {
		this.database = database;
		this.session = session;
	}

	/** Plain reads of {@code database}: one moment's data only if nothing writes to it meanwhile. */
	public static DriverSnapshot unguarded(MongoDatabase database) {
		return new DriverSnapshot(database, null);
	}

	@Override
	public List<String> collectionNames() {
		List<String> names = new ArrayList<>();
		(this.session != null ? this.database.listCollectionNames(this.session) : this.database.listCollectionNames())
			.into(names);
		names.removeIf((name) -> name.startsWith("system."));
		names.sort(null);
		return names;
	}

	@Override
	public void forEach(String collection, Consumer<RawBsonDocument> action) {
		MongoCollection<RawBsonDocument> documents = this.database.getCollection(collection, RawBsonDocument.class);
		(this.session != null ? documents.find(this.session) : documents.find()).forEach(action);
	}

}
