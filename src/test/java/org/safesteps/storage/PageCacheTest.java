package org.safesteps.storage;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file backend's page cache ({@code embedded-cache-mb}) holds each document as its BSON bytes,
 * also for pages read after a restart, and counts it as the heap those bytes take; pages split at
 * {@link EmbeddedMongo#PAGE_SPLIT_BYTES} of that (docs/performance.md, "Stop 29").
 */
class PageCacheTest {

	/** An attempt of six answers decoded, measured (see {@link DocumentMemoryTest}). */
	private static final int ATTEMPT_HEAP = 5_608;

	@TempDir
	Path dir;

	@Test
	void documentsReadAfterARestartAreKeptAndCountedAsTheirBytes() {
		Path file = this.dir.resolve("cache.mv");
		int attempts = 10_000;
		MVStore store = EmbeddedMongo.openStore(file, 64);
		withDatabase(store, (database) -> insert(database, "attempts", attempts, 500, PageCacheTest::attempt));
		store.close();

		MVStore reopened = EmbeddedMongo.openStore(file, 64);
		withDatabase(reopened, (database) -> {
			int read = 0;
			for (Document ignored : database.getCollection("attempts").find().batchSize(500)) {
				read++;
			}
			assertThat(read).isEqualTo(attempts);
			// each attempt is kept as its 700-odd bytes of BSON (about 7 MB for all), where decoded
			// they would take 53 MB: the cache counts at least the bytes and far less than decoded
			double bsonMb = attempts * (double) bsonSize(attempt()) / (1 << 20);
			double decodedMb = attempts * (double) ATTEMPT_HEAP / (1 << 20);
			assertThat(reopened.getCacheSizeUsed()).isBetween((int) (0.9 * bsonMb), (int) (0.3 * decodedMb));
			MVMap<Object, Object> kept = reopened.openMap("databases.t.attempts", IndexingBackends.keptDocuments());
			assertThat(kept.get(kept.firstKey())).isInstanceOf(byte[].class);
		});
		reopened.close();
	}

	@Test
	void pagesSplitAtTheBytesTheirDocumentsTake() {
		MVStore store = EmbeddedMongo.openStore(this.dir.resolve("layout.mv"), 64);
		withDatabase(store, (database) -> {
			// in small batches: H2 counts a new map's ObjectId keys at 10 KB each until its average of
			// the keys it has written (at each commit) comes down, which splits the first pages early
			insert(database, "attempts", 1_000, 50, PageCacheTest::attempt);
			insert(database, "learners", 3_000, 50, PageCacheTest::learner);
			// a few KB of BSON a page: measured 4 attempts and 8 learners a page
			assertThat(documentsPerLeaf(store, "attempts")).isBetween(3.0, 5.0);
			assertThat(documentsPerLeaf(store, "learners")).isBetween(7.0, 9.5);
		});
		store.close();
	}

	private static int bsonSize(Document document) {
		return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
	}

	private static double documentsPerLeaf(MVStore store, String collection) {
		MVMap<Object, Object> documents = store.openMap("databases.t." + collection);
		int[] leavesAndDocuments = new int[2];
		count(documents.getRootPage(), leavesAndDocuments);
		assertThat(leavesAndDocuments[1]).isEqualTo((int) documents.sizeAsLong());
		return leavesAndDocuments[1] / (double) leavesAndDocuments[0];
	}

	private static void count(Page<Object, Object> page, int[] leavesAndDocuments) {
		if (page.isLeaf()) {
			leavesAndDocuments[0]++;
			leavesAndDocuments[1] += page.getKeyCount();
			return;
		}
		for (int i = 0; i < page.getRawChildPageCount(); i++) {
			count(page.getChildPage(i), leavesAndDocuments);
		}
	}

	private static void insert(MongoDatabase database, String collection, int count, int batchSize,
			Supplier<Document> shape) {
		for (int done = 0; done < count; done += batchSize) {
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < Math.min(batchSize, count - done); i++) {
				batch.add(shape.get());
			}
			database.getCollection(collection).insertMany(batch);
		}
	}

	/** As the app writes them: ids generated as ObjectIds, in ascending order. */
	private static Document attempt() {
		List<Document> answers = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			answers.add(new Document("questionId", "q" + i).append("chosen", List.of("b")).append("correct", i % 2 == 0));
		}
		return new Document("_id", new ObjectId()).append("submissionId", "0b6c1a38-3f4e-4d8e-9c2a-5d9d7f1e2a3b")
			.append("learnerId", new ObjectId().toHexString())
			.append("classId", "6750a1b2c3d4e5f601234567")
			.append("moduleId", "trusted-adults")
			.append("band", "AGES_8_10")
			.append("contentVersion", "79c4ad3a7ae6")
			.append("answers", answers)
			.append("score", 67)
			.append("correctCount", 4)
			.append("questionCount", 6)
			.append("createdAt", new Date())
			.append("_class", "org.safesteps.progress.Attempt");
	}

	private static Document learner() {
		return new Document("_id", new ObjectId()).append("classId", "6750a1b2c3d4e5f601234567")
			.append("pseudonym", "Brave Otter 12")
			.append("band", "AGES_8_10")
			.append("tokenHash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
			.append("createdAt", new Date())
			.append("lastSeenAt", new Date());
	}

	private static void withDatabase(MVStore store, Consumer<MongoDatabase> work) {
		MongoServer server = new MongoServer(IndexingBackends.files(store));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			work.accept(client.getDatabase("t"));
		}
		finally {
			server.shutdownNow();
		}
	}

}
