package org.safesteps.storage;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's two backends (H2 files, memory for tests). On files, a write is answered
 * only once it is committed and forced to disk, shared with the writes arriving with it
 * ({@link GroupCommit}). Both have {@link SecondaryIndex} in
 * place of the server's placeholder for non-unique indexes, unique indexes in memory on both (see
 * {@link InMemoryUniqueIndex}), and the leading keys of each compound unique index answered by a
 * {@link SecondaryIndex} too.
 * <p>
 * A real MongoDB serves a query on the leading keys of a compound index from that index (a query by
 * {@code learnerId} alone uses the unique {@code (learnerId, moduleId)} index). The embedded server
 * uses a unique index only for a query on exactly its keys and reads the whole collection for any
 * other, so each compound unique index gets a companion over its leading keys: kept in memory and
 * rebuilt on opening like the other secondary indexes, not listed among the collection's indexes
 * (a real MongoDB has no such index and needs none).
 */
final class IndexingBackends {

	/** Added to a compound unique index's name to name its companion. */
	static final String PREFIX_SUFFIX = "_prefix";

	/** H2Database's names for a collection's maps: its documents, and its size. */
	static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private static final String ID = "_id";

	private IndexingBackends() {
	}

	/**
	 * Registers a compound unique index (two keys or more) with its collection, then its companion over the leading
	 * keys, in that order: the first index able to answer a query answers it, so a query on all the
	 * keys still uses the unique index. The server's own registration of the returned index then
	 * finds it in place (by name) and does nothing.
	 */
	private static <P> Index<P> withPrefixes(MongoCollection<P> collection, Index<P> unique,
			Function<Document, P> positionOf) {
		List<IndexKey> keys = unique.getKeys();
		collection.addIndex(unique);
		collection.addIndex(
				new SecondaryIndex<>(unique.getName() + PREFIX_SUFFIX, keys.subList(0, keys.size() - 1), positionOf));
		return unique;
	}

	/**
	 * The file backend's position of a document: its id, the key it is stored under
	 * ({@link CopyOnWriteH2Collection}, whose collections all have the id field {@code _id}), so its
	 * secondary indexes need not keep it; null for a document without one.
	 */
	static Object filePosition(Document document) {
		return document.get(ID);
	}

	static MongoBackend files(MVStore store) {
		return files(store, new WriteGate());
	}

	static MongoBackend files(MVStore store, WriteGate gate) {
		return new IndexingH2Backend(store, gate);
	}

	static MongoBackend memory() {
		return memory(new WriteGate());
	}

	static MongoBackend memory(WriteGate gate) {
		return new IndexingMemoryBackend(gate);
	}

	/** Commands that change data: they pass the {@link WriteGate}, and on files wait to be on disk. */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
			"createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

	/**
	 * Whether the write asks not to wait for the journal ({@code writeConcern: {w: 1, j: false}} or
	 * {@code w: 0}), as MongoDB allows per operation: it is answered once applied, and becomes durable
	 * with the next commit, which any later acknowledged write waits for. The app asks this only of a
	 * write that is always followed by an acknowledged one before anybody is told it was saved (a
	 * quiz attempt, then its progress): on MongoDB too a journaled majority write makes every earlier
	 * write durable with it. Every other write carries the client's default, {@code majority} and
	 * journaled ({@link MongoSettings}), and waits.
	 */
	static boolean unjournaled(MongoMessage message) {
		Object concern = message.getDocument().get("writeConcern");
		if (!(concern instanceof Document writeConcern)) {
			return false;
		}
		if (!(writeConcern.get("w") instanceof Number w) || w.intValue() > 1) {
			return false;
		}
		return w.intValue() == 0 || Boolean.FALSE.equals(writeConcern.get("j"));
	}

	/**
	 * How a collection's documents map is opened: documents stored as BSON, and kept as their BSON
	 * bytes ({@link BsonDocumentType}); the server's collection class takes the map as holding
	 * documents, but only {@link CopyOnWriteH2Collection}, which replaces every use of it, reads it.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static MVMap.Builder<Object, Document> documents() {
		return (MVMap.Builder) keptDocuments();
	}

	/** The documents map as it is: each value a document's BSON bytes (or, rarely, a document). */
	static MVMap.Builder<Object, Object> keptDocuments() {
		return new MVMap.Builder<Object, Object>().keyType(new DocumentKeyType()).valueType(new BsonDocumentType());
	}

	/** A file backend's store, or {@code null} for the memory backend. */
	static MVStore storeOf(MongoBackend backend) {
		return (backend instanceof IndexingH2Backend files) ? files.getMvStore() : null;
	}

	/** The group commits a file backend has done so far. */
	static long commits(MongoBackend files) {
		return ((IndexingH2Backend) files).commits();
	}

	private static boolean isWrite(MongoMessage message) {
		Document command = message.getDocument();
		return !command.isEmpty() && WRITES.contains(command.keySet().iterator().next().toLowerCase(Locale.ROOT));
	}

	private static final class IndexingH2Backend extends H2Backend {

		private final GroupCommit commits;

		private final WriteGate gate;

		IndexingH2Backend(MVStore store, WriteGate gate) {
			super(store);
			this.commits = new GroupCommit(store);
			this.gate = gate;
		}

		@Override
		public Document handleMessage(MongoMessage message) {
			if (!isWrite(message)) {
				return super.handleMessage(message);
			}
			Document reply = this.gate.write(() -> super.handleMessage(message));
			// acknowledged only once on disk; waiting outside the gate lets a backup start meanwhile
			if (!unjournaled(message)) {
				this.commits.awaitDurable();
			}
			return reply;
		}

		/** Commits the changes applied so far and forces them to disk (the tests' view of a group commit). */
		long commits() {
			return this.commits.commits();
		}

		@Override
		public void close() {
			this.commits.close();
			super.close();
		}

		// called from H2Backend's constructor for the databases already in the file: getMvStore()
		// is set by then, fields of this class would not be
		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			MongoDatabase database = IndexingH2Database.open(databaseName, getMvStore(), getCursorRegistry());
			removeStoredUniqueIndexes(getMvStore(), databaseName);
			return database;
		}

		/**
		 * Earlier versions kept unique indexes in the file (the server's own); they are in memory now,
		 * and a stored copy no longer kept up to date must not linger there.
		 */
		private static void removeStoredUniqueIndexes(MVStore store, String databaseName) {
			for (String map : List.copyOf(store.getMapNames())) {
				if (map.startsWith(databaseName + ".") && map.contains("._index_")) {
					store.removeMap(map);
				}
			}
		}

	}

	private static final class IndexingH2Database extends H2Database {

		/**
		 * The store of the database being constructed: H2Database's constructor opens the existing
		 * collections (through {@link #openOrCreateCollection}) before this class's fields are set.
		 */
		private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

		private final MVStore store;

		private IndexingH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
			super(databaseName, store, cursors);
			this.store = store;
		}

		static IndexingH2Database open(String databaseName, MVStore store, CursorRegistry cursors) {
			OPENING.set(store);
			try {
				return new IndexingH2Database(databaseName, store, cursors);
			}
			finally {
				OPENING.remove();
			}
		}

		/**
		 * As H2Database's, but the documents are stored as BSON ({@link BsonDocumentType}) and never
		 * changed in place ({@link CopyOnWriteH2Collection}).
		 */
		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore mvStore = (this.store != null) ? this.store : OPENING.get();
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> data = mvStore.openMap(DATA_PREFIX + fullName, documents());
			MVMap<String, Object> meta = mvStore.openMap(META_PREFIX + fullName);
			return new CopyOnWriteH2Collection(this, collectionName, options, data, meta, this.cursorRegistry);
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			return new SecondaryIndex<>(indexName, keys, IndexingBackends::filePosition);
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			Index<Object> unique = new InMemoryUniqueIndex<>(indexName, keys, sparse);
			return (keys.size() > 1)
					? withPrefixes(resolveOrCreateCollection(collectionName), unique, IndexingBackends::filePosition)
					: unique;
		}

	}

	private static final class IndexingMemoryBackend extends MemoryBackend {

		private final WriteGate gate;

		IndexingMemoryBackend(WriteGate gate) {
			this.gate = gate;
		}

		@Override
		public Document handleMessage(MongoMessage message) {
			return isWrite(message) ? this.gate.write(() -> super.handleMessage(message)) : super.handleMessage(message);
		}

		@Override
		public MemoryDatabase openOrCreateDatabase(String databaseName) {
			return new IndexingMemoryDatabase(databaseName, getCursorRegistry());
		}

	}

	private static final class IndexingMemoryDatabase extends MemoryDatabase {

		IndexingMemoryDatabase(String databaseName, CursorRegistry cursors) {
			super(databaseName, cursors);
		}

		@Override
		protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			return new SecondaryIndex<>(indexName, keys);
		}

		@Override
		protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			Index<Integer> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
			return (keys.size() > 1) ? withPrefixes(resolveOrCreateCollection(collectionName), unique, null) : unique;
		}

	}

}
