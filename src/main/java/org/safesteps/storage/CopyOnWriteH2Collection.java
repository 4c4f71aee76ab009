package org.safesteps.storage;

import java.util.Comparator;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

/**
 * A file backend collection whose stored documents never change once stored: an update stores a
 * changed copy in their place.
 * <p>
 * The server's update changes the stored document object itself, then puts it back. H2's pages are
 * copy-on-write, but they hold the document object, not its bytes, so a change made that way also
 * shows in every earlier version of the map that shares the page: in a snapshot being read (a
 * backup, {@link FileSnapshot}) and in a commit being written to disk at that moment, which encodes
 * the document while it changes. Here an update works on a copy of each document it matched, and
 * the server's own code then stores that copy. Only the documents an update matched are copied (the
 * server copies each of them once more itself, to compare before and after).
 */
final class CopyOnWriteH2Collection extends H2Collection {

	/** Set while this collection updates: its query then hands out copies. Guarded by this collection's monitor. */
	private boolean updating;

	CopyOnWriteH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	@Override
	public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
			boolean isMulti, boolean isUpsert, Oplog oplog) {
		this.updating = true;
		try {
			return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
		}
		finally {
			this.updating = false;
		}
	}

	@Override
	public synchronized Document findAndModify(Document query) {
		this.updating = true;
		try {
			return super.findAndModify(query);
		}
		finally {
			this.updating = false;
		}
	}

	// every query of the server's ends here, whether it read an index or the whole map
	@Override
	protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
			int limit, int batchSize, Comparator<Document> documentComparator, Document fieldSelector) {
		Stream<Document> documents = documentStream;
		if (this.updating) {
			documents = documentStream.filter((document) -> documentMatchesQuery(document, query))
				.map(Document::cloneDeeply);
		}
		return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, documentComparator,
				fieldSelector);
	}

}
