package org.safesteps.storage;

import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.h2.mvstore.MVStore;

/**
 * The embedded server's two backends (H2 files, memory for tests), with {@link SecondaryIndex} in
 * place of the server's placeholder for non-unique indexes.
 */
final class IndexingBackends {

	private IndexingBackends() {
	}

	static MongoBackend files(MVStore store) {
		return new IndexingH2Backend(store);
	}

	static MongoBackend memory() {
		return new IndexingMemoryBackend();
	}

	private static final class IndexingH2Backend extends H2Backend {

		IndexingH2Backend(MVStore store) {
			super(store);
		}

		// called from H2Backend's constructor for the databases already in the file: getMvStore()
		// is set by then, fields of this class would not be
		@Override
		protected MongoDatabase openOrCreateDatabase(String databaseName) {
			return new IndexingH2Database(databaseName, getMvStore(), getCursorRegistry());
		}

	}

	private static final class IndexingH2Database extends H2Database {

		IndexingH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
			super(databaseName, store, cursors);
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			return new SecondaryIndex<>(indexName, keys);
		}

	}

	private static final class IndexingMemoryBackend extends MemoryBackend {

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

	}

}
