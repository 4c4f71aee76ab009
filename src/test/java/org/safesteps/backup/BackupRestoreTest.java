package org.safesteps.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonBinary;
import org.bson.UuidRepresentation;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.progress.Owner;
import org.safesteps.progress.QuizSubmissions;
import org.safesteps.storage.EmbeddedMongo;
import org.safesteps.storage.StorageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup taken from the running app (the embedded server, as in the tests) restored with
 * {@code --restore} into an empty data folder gives back every document, identical, collection by
 * collection; taken while children submit quizzes, it is one moment's data.
 */
@SpringBootTest(properties = "safesteps.backups.enabled=false")
class BackupRestoreTest {

	@Autowired
	Backups backups;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	QuizSubmissions submissions;

	@Autowired
	Curriculum curriculum;

	@TempDir
	Path emptyFolder;

	@Test
	void aBackupRestoredIntoAnEmptyFolderGivesBackEveryDocumentIdentical() throws Exception {
		// every BSON type the app writes, and a few it might: a restore must not turn a long into an int
		this.mongo.getCollection("backup_types")
			.insertOne(new Document("_id", new ObjectId()).append("int", 7)
				.append("long", 7L)
				.append("double", 7.5)
				.append("decimal", new Decimal128(70))
				.append("date", new Date(1_700_000_000_123L))
				.append("binary", new org.bson.types.Binary(new byte[] { 1, 2, 3 }))
				.append("uuid", new BsonBinary(UUID.randomUUID(), UuidRepresentation.STANDARD))
				.append("null", null)
				.append("nested", new Document("list", List.of(1, "two", new Document("three", 3L))))
				.append("text", "Brave Otter — ñ, عربى"));
		Backups.TakenBackup taken = this.backups.takeForDownload();
		try {
			Map<String, List<String>> live = contents(patient());
			int code = RestoreCommand.run(List.of("--restore", taken.file().toString(),
					"--safesteps.storage.data-dir=" + this.emptyFolder), Map.of(), System.out);
			assertThat(code).isEqualTo(RestoreCommand.DONE);
			Map<String, List<String>> restored = restoredContents(this.emptyFolder);
			assertThat(restored.keySet()).isEqualTo(live.keySet()).contains("backup_types");
			for (String collection : live.keySet()) {
				assertThat(restored.get(collection)).as(collection).isEqualTo(live.get(collection));
			}
		}
		finally {
			Files.deleteIfExists(taken.file());
		}
	}

	/**
	 * The move to a real MongoDB: with {@code MONGODB_URI} set, the restore goes into that database
	 * through the driver (here a second server on its own port, spoken to over TCP as a replica set
	 * would be), refuses a database that holds documents, and replaces them with {@code --force}.
	 */
	@Test
	void aBackupRestoredIntoTheMongoDbOfMongodbUriGivesBackEveryDocumentIdentical() throws Exception {
		this.mongo.getCollection("backup_types").insertOne(new Document("_id", new ObjectId()).append("long", 7L)
			.append("text", "Brave Otter — ñ, عربى"));
		MongoServer target = new MongoServer(new MemoryBackend());
		java.net.InetSocketAddress address = target.bind();
		Backups.TakenBackup taken = this.backups.takeForDownload();
		String uri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/safesteps_moved";
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase moved = client.getDatabase("safesteps_moved");
			Map<String, List<String>> live = contents(patient());

			assertThat(RestoreCommand.run(List.of("--restore", taken.file().toString()), Map.of("MONGODB_URI", uri),
					System.out)).isEqualTo(RestoreCommand.DONE);
			Map<String, List<String>> restored = contents(moved);
			assertThat(restored.keySet()).isEqualTo(live.keySet()).contains("backup_types");
			for (String collection : live.keySet()) {
				assertThat(restored.get(collection)).as(collection).isEqualTo(live.get(collection));
			}

			moved.getCollection("classes").insertOne(new Document("_id", "made-after-the-move"));
			assertThat(RestoreCommand.run(List.of("--restore", taken.file().toString()), Map.of("MONGODB_URI", uri),
					System.out)).as("a database in use is refused").isEqualTo(RestoreCommand.REFUSED);
			assertThat(moved.getCollection("classes").countDocuments(new Document("_id", "made-after-the-move")))
				.as("nothing changed by the refusal").isEqualTo(1);

			assertThat(RestoreCommand.run(List.of("--restore", taken.file().toString(), "--force"),
					Map.of("MONGODB_URI", uri), System.out)).isEqualTo(RestoreCommand.DONE);
			assertThat(contents(moved)).as("--force replaces what was there").isEqualTo(restored);
		}
		finally {
			Files.deleteIfExists(taken.file());
			target.shutdownNow();
		}
	}

	@Test
	void aBackupTakenWhileChildrenSubmitQuizzesIsOneMomentsData() throws Exception {
		Module module = this.curriculum.module("trusted-adults").orElseThrow();
		Quiz quiz = module.quiz(Band.AGES_8_10).orElseThrow();
		Map<String, List<String>> chosen = new HashMap<>();
		quiz.questions().forEach((question) -> {
			List<String> ids = question.options().stream().map((option) -> option.id()).toList();
			chosen.put(question.id(), (question.type() == QuestionType.ORDER) ? ids : List.of(ids.get(0)));
		});
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger submitted = new AtomicInteger();
		ExecutorService children = Executors.newFixedThreadPool(4);
		List<Future<?>> work = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			work.add(children.submit(() -> {
				while (running.get()) {
					Owner owner = new Owner("backup-test-" + UUID.randomUUID(), null, Band.AGES_8_10);
					// a learner in the database, as far as the quiz's write batch asks
					this.mongo.getCollection("learners").insertOne(new Document("_id", owner.learnerId())
						.append("tokenHash", "t-" + owner.learnerId()).append("resumeHash", "r-" + owner.learnerId()).append("pseudonym", "p-" + owner.learnerId()));
					this.submissions.submit(owner, module, quiz, this.curriculum.version(), UUID.randomUUID().toString(),
							chosen);
					submitted.incrementAndGet();
				}
			}));
		}
		try {
			await(() -> submitted.get() >= 20);
			long before = patient().getCollection("attempts").countDocuments();
			Backups.TakenBackup taken = this.backups.takeForDownload();
			int atBackup = submitted.get();
			await(() -> submitted.get() >= atBackup + 20);
			running.set(false);
			for (Future<?> each : work) {
				each.get(1, TimeUnit.MINUTES);
			}
			try {
				assertThat(RestoreCommand.run(List.of("--restore", taken.file().toString(),
						"--safesteps.storage.data-dir=" + this.emptyFolder), Map.of(), System.out))
					.isEqualTo(RestoreCommand.DONE);
				Map<String, List<String>> restored = restoredContents(this.emptyFolder);
				Map<String, List<String>> live = contents(patient());
				List<String> attempts = restored.get("attempts");
				// submissions went on during the backup and after it: it holds some, not all
				assertThat((long) attempts.size()).isGreaterThanOrEqualTo(before).isLessThan(live.get("attempts").size());
				assertThat(live.get("attempts")).as("every attempt in the backup, identical").containsAll(attempts);
				// one moment: each submission (a new learner each time) inserts its attempt, then its progress.
				// Collections are read in name order, attempts before progress: read at different times, the
				// progress read later would hold learners whose attempts were not read yet. At one moment,
				// every progress has its attempt, and only the submissions in flight (4) lack their progress.
				List<String> learnersWithAttempts = learners(attempts);
				List<String> learnersWithProgress = learners(restored.get("progress"));
				assertThat(learnersWithAttempts).containsAll(learnersWithProgress);
				assertThat(learnersWithAttempts.size() - learnersWithProgress.size()).isBetween(0, 4);
				// and every attempt's learner, written before it
				assertThat(restored.get("learners").stream()
					.map((json) -> BsonDocument.parse(json).getString("_id").getValue())
					.toList()).containsAll(learnersWithAttempts);
				// nothing else was written meanwhile (a scheduled job may have taken a lease; each instance
				// deletes old entries of the forgotten learners' log every ten minutes)
				assertThat(live.keySet()).containsAll(restored.keySet());
				for (String collection : restored.keySet()) {
					if (!List.of("learners", "attempts", "progress", "leases", "forgotten_learners").contains(collection)) {
						assertThat(restored.get(collection)).as(collection).isEqualTo(live.get(collection));
					}
				}
			}
			finally {
				Files.deleteIfExists(taken.file());
			}
		}
		finally {
			running.set(false);
			children.shutdownNow();
		}
	}

	/** The test's own reads of whole collections, on a busy machine: longer than a page's timeout. */
	private MongoDatabase patient() {
		return this.mongo.getDb().withTimeout(1, TimeUnit.MINUTES);
	}

	private static List<String> learners(List<String> documents) {
		return documents.stream().map((json) -> BsonDocument.parse(json).getString("learnerId").getValue())
			.filter((id) -> id.startsWith("backup-test-"))
			.toList();
	}

	/** Every collection's documents as canonical Extended JSON, sorted by {@code _id}. */
	static Map<String, List<String>> contents(MongoDatabase database) {
		Map<String, List<String>> all = new HashMap<>();
		for (String name : database.listCollectionNames()) {
			if (name.startsWith("system.")) {
				continue;
			}
			List<String> documents = new ArrayList<>();
			for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class)
				.find()
				.sort(new Document("_id", 1))) {
				documents.add(document.toJson(org.bson.json.JsonWriterSettings.builder()
					.outputMode(org.bson.json.JsonMode.EXTENDED)
					.build()));
			}
			all.put(name, documents);
		}
		return all;
	}

	static Map<String, List<String>> restoredContents(Path folder) {
		EmbeddedMongo server = new EmbeddedMongo(
				new StorageProperties(folder, StorageProperties.Backend.FILE, 0, Duration.ofSeconds(30), 16));
		try {
			server.start();
			try (MongoClient client = MongoClients.create(server.connectionString("safesteps"))) {
				return contents(client.getDatabase("safesteps"));
			}
		}
		finally {
			server.close();
		}
	}

	private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited a minute").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
