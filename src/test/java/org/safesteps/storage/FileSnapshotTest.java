package org.safesteps.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file backend's snapshot for a backup, through the real driver over TCP: it keeps its moment
 * while writes go on (they are not held back), and gives each document as the server sends it.
 */
class FileSnapshotTest {

	@TempDir
	Path dir;

	private EmbeddedMongo server;

	private MongoClient client;

	private MongoDatabase database;

	@BeforeEach
	void start() {
		// a 1 MB page cache: the snapshot's pages are pushed out of it and read back from the file
		this.server = new EmbeddedMongo(new StorageProperties(this.dir, StorageProperties.Backend.FILE, 0,
				Duration.ofSeconds(30), 1));
		this.server.start();
		this.client = MongoClients.create(this.server.connectionString("safesteps"));
		// a write held back until the snapshot is read would fail at this limit
		this.database = this.client.getDatabase("safesteps").withTimeout(10, TimeUnit.SECONDS);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	@Test
	void aSnapshotKeepsItsMomentWhileWritesGoOn() {
		List<Document> progress = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			progress.add(new Document("_id", "p" + i).append("learnerId", "learner-" + i)
				.append("steps", List.of(1, 2, 3))
				.append("note", "x".repeat(600)));
		}
		this.database.getCollection("progress").insertMany(progress);
		this.database.getCollection("attempts").insertOne(new Document("_id", "a1").append("score", 3));
		this.database.getCollection("attempts").insertOne(new Document("_id", "a2").append("score", 4));
		Map<String, List<String>> before = driverContents();

		Map<String, List<String>> read = this.server.atOneMoment(this.database, (snapshot) -> {
			// every kind of write, each acknowledged (so committed to the file) while the snapshot is open
			this.database.getCollection("progress").updateMany(Filters.exists("_id"), Updates.set("steps", List.of(9)));
			this.database.getCollection("progress").findOneAndUpdate(Filters.eq("_id", "p7"),
					Updates.set("note", "changed"));
			this.database.getCollection("progress").deleteOne(Filters.eq("_id", "p8"));
			this.database.getCollection("attempts").insertOne(new Document("_id", "a3").append("score", 5));
			this.database.getCollection("attempts").replaceOne(Filters.eq("_id", "a1"), new Document("score", 1));
			this.database.getCollection("leases").insertOne(new Document("_id", "daily"));
			for (int i = 0; i < 2_000; i += 100) {
				this.database.getCollection("progress").updateOne(Filters.eq("_id", "p" + i), Updates.inc("visits", 1));
			}
			return snapshotContents(snapshot);
		});

		assertThat(read).isEqualTo(before);
		Map<String, List<String>> after = driverContents();
		assertThat(after.get("attempts")).hasSize(3);
		assertThat(after.get("progress")).hasSize(1_999)
			.allMatch((json) -> json.contains("\"steps\": [9]"))
			.anyMatch((json) -> json.contains("\"note\": \"changed\""));
		assertThat(after).containsKey("leases");
	}

	@Test
	void aSnapshotTakenWhileWritersAreBusyIsOneMoment() throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger pairs = new AtomicInteger();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		List<Future<?>> work = new ArrayList<>();
		for (int w = 0; w < 4; w++) {
			work.add(writers.submit(() -> {
				// as a quiz submission: its attempt, then its progress, for a new learner each time
				while (running.get()) {
					String learner = UUID.randomUUID().toString();
					this.database.getCollection("attempts").insertOne(new Document("learnerId", learner));
					this.database.getCollection("progress").insertOne(new Document("learnerId", learner));
					pairs.incrementAndGet();
				}
			}));
		}
		try {
			while (pairs.get() < 50) {
				Thread.sleep(10);
			}
			Map<String, List<String>> read = this.server.atOneMoment(this.database, (snapshot) -> {
				Map<String, List<String>> contents = snapshotContents(snapshot);
				int atSnapshot = pairs.get();
				// the writers go on while the snapshot is read, and it does not change
				while (pairs.get() < atSnapshot + 50) {
					Thread.onSpinWait();
				}
				assertThat(snapshotContents(snapshot)).isEqualTo(contents);
				return contents;
			});
			running.set(false);
			for (Future<?> each : work) {
				each.get(1, TimeUnit.MINUTES);
			}
			List<String> withAttempt = learners(read.get("attempts"));
			List<String> withProgress = learners(read.get("progress"));
			// progress is written after its attempt: at one moment, every progress has its attempt,
			// and only the writes in flight (4) have an attempt without progress
			assertThat(withAttempt).containsAll(withProgress);
			assertThat(withAttempt.size() - withProgress.size()).isBetween(0, 4);
			assertThat(learners(driverContents().get("attempts")).size()).isGreaterThan(withAttempt.size() + 49);
		}
		finally {
			running.set(false);
			writers.shutdownNow();
		}
	}

	private static List<String> learners(List<String> documents) {
		return documents.stream().map((json) -> Document.parse(json).getString("learnerId")).toList();
	}

	@Test
	void aSnapshotGivesEachDocumentAsTheServerSendsIt() {
		this.database.getCollection("kinds").insertOne(new Document("_id", new ObjectId())
			.append("when", new Date(1_765_000_000_000L))
			.append("count", 12_345_678_901L)
			.append("ratio", 0.25)
			.append("exact", Decimal128.parse("1.10"))
			.append("bytes", new Binary(new byte[] { 1, 2, 3 }))
			.append("nothing", null)
			.append("nested", new Document("list", List.of("a", new Document("b", true)))));
		this.database.getCollection("learners").insertOne(new Document("_id", "l1").append("band", "AGES_8_10"));
		this.database.createCollection("empty");

		Map<String, List<String>> read = this.server.atOneMoment(this.database, FileSnapshotTest::snapshotContents);

		assertThat(read).isEqualTo(driverContents());
		assertThat(read.keySet()).containsExactly("empty", "kinds", "learners");
	}

	private Map<String, List<String>> driverContents() {
		return snapshotContents(DriverSnapshot.unguarded(this.database));
	}

	private static Map<String, List<String>> snapshotContents(ConsistentReads.Snapshot snapshot) {
		Map<String, List<String>> all = new LinkedHashMap<>();
		for (String name : snapshot.collectionNames()) {
			List<String> documents = new ArrayList<>();
			snapshot.forEach(name, (RawBsonDocument document) -> documents.add(document.toJson()));
			all.put(name, documents);
		}
		return all;
	}

}
