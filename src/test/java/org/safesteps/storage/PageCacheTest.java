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
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file backend's page cache ({@code embedded-cache-mb}) counts a cached document as the heap it
 * takes decoded, also for pages read after a restart, and its pages hold as many documents as they
 * did when a document counted as twice its BSON size and pages split at 4 KB (docs/performance.md,
 * "The embedded store's page cache counted honestly").
 */
class PageCacheTest {

	/** An attempt of six answers decoded, measured (see {@link DocumentMemoryTest}). */
	private static final int ATTEMPT_HEAP = 5_608;

	@TempDir
	Path dir;

	@Test
	void documentsReadAfterARestartAreCountedAsTheHeapTheyTake() {
		Path file = this.dir.resolve("cache.mv");
		int attempts = 2_000;
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
			// 2,000 attempts take 10.7 MB decoded: the cache must count at least 90% of that (twice
			// the BSON size counted 2.7 MB), and not grossly more
			double decodedMb = attempts * (double) ATTEMPT_HEAP / (1 << 20);
			assertThat(reopened.getCacheSizeUsed()).isBetween((int) (0.9 * decodedMb), (int) (2 * decodedMb));
		});
		reopened.close();
	}

	@Test
	void pagesHoldAsManyDocumentsAsBefore() {
		MVStore store = EmbeddedMongo.openStore(this.dir.resolve("layout.mv"), 64);
		withDatabase(store, (database) -> {
			// in small batches: H2 counts a new map's ObjectId keys at 10 KB each until its average of
			// the keys it has written (at each commit) comes down, which splits the first pages early
			insert(database, "attempts", 1_000, 50, PageCacheTest::attempt);
			insert(database, "learners", 3_000, 50, PageCacheTest::learner);
			// measured the same way before the change: an attempt a page, learners 2.68 a page
			assertThat(documentsPerLeaf(store, "attempts")).isEqualTo(1.0);
			assertThat(documentsPerLeaf(store, "learners")).isBetween(2.3, 3.0);
		});
		store.close();
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
