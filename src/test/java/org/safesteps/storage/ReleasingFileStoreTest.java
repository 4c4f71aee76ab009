package org.safesteps.storage;

import java.nio.file.Path;

import de.bwaldvogel.mongo.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.cache.CacheLongKeyLIRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file backend's page cache lets go of a page when a change replaces it; a reader on the older
 * version still reads it, from the file.
 */
class ReleasingFileStoreTest {

	private static final ObjectId ID = new ObjectId();

	@TempDir
	Path dir;

	@Test
	void aReplacedPageLeavesTheCacheAndTheOlderVersionIsStillRead() {
		MVStore store = EmbeddedMongo.openStore(this.dir.resolve("releasing.mv"), 16);
		try {
			CacheLongKeyLIRS<?> cache = ReleasingFileStore.pageCache(store.getFileStore());
			MVMap<Object, Object> progress = store.openMap("databases.t.progress", IndexingBackends.keptDocuments());
			long first = writeScore(store, progress, 1);
			long firstPage = progress.getRootPage().getPos();
			assertThat(cache.peek(firstPage)).as("the page just written").isNotNull();

			writeScore(store, progress, 2);

			assertThat(cache.peek(firstPage)).as("the replaced page").isNull();
			assertThat(cache.peek(progress.getRootPage().getPos())).as("the page replacing it").isNotNull();
			assertThat(score(progress)).isEqualTo(2);
			assertThat(score(progress.openVersion(first))).as("the older version, read from the file").isEqualTo(1);
		}
		finally {
			store.close();
		}
	}

	@Test
	void withoutItH2KeepsTheReplacedPage() {
		// the behaviour ReleasingFileStore changes: H2's own store, as the builder opens it
		MVStore store = new MVStore.Builder().fileName(this.dir.resolve("h2.mv").toString()).cacheSize(16).open();
		try {
			MVMap<Object, Object> progress = store.openMap("databases.t.progress", IndexingBackends.keptDocuments());
			writeScore(store, progress, 1);
			long firstPage = progress.getRootPage().getPos();

			writeScore(store, progress, 2);

			assertThat(ReleasingFileStore.pageCache(store.getFileStore()).peek(firstPage)).isNotNull();
		}
		finally {
			store.close();
		}
	}

	@Test
	void theStoreClosesItsFile() {
		Path file = this.dir.resolve("reopened.mv");
		MVStore store = EmbeddedMongo.openStore(file, 16);
		writeScore(store, store.openMap("databases.t.progress", IndexingBackends.keptDocuments()), 3);
		store.close();

		MVStore reopened = EmbeddedMongo.openStore(file, 16);
		try {
			assertThat(score(reopened.openMap("databases.t.progress", IndexingBackends.keptDocuments()))).isEqualTo(3);
		}
		finally {
			reopened.close();
		}
	}

	/** Puts the learner's progress with {@code score} and commits; returns the version committed. */
	private static long writeScore(MVStore store, MVMap<Object, Object> progress, int score) {
		progress.put(ID, BsonDocumentType.encode(new Document("_id", ID).append("score", score)));
		long version = store.getCurrentVersion();
		store.commit();
		return version;
	}

	private static Object score(MVMap<Object, Object> progress) {
		return BsonDocumentType.decode(progress.get(ID)).get("score");
	}

}
