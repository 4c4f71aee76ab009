package org.safesteps.storage;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded server's non-unique indexes answer every query exactly as a full scan would: random
 * inserts, updates (moving documents between keys), upserts and deletes, checked after each step
 * against a model kept in plain Java, on both backends, and again after the file backend reopens.
 */
class SecondaryIndexTest {

	private static final List<String> CLASSES = List.of("c1", "c2", "c3", "c4");

	private static final List<String> MODULES = List.of("m1", "m2", "m3");

	@TempDir
	static Path dir;

	static Stream<Arguments> backends() {
		return Stream.of(Arguments.of("memory", (Supplier<MongoBackend>) IndexingBackends::memory),
				Arguments.of("files", (Supplier<MongoBackend>) () -> IndexingBackends
					.files(new MVStore.Builder().fileName(dir.resolve("index-test.mv").toString()).open())));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void queriesOnIndexedFieldsFindExactlyWhatAScanFinds(String name, Supplier<MongoBackend> backend) {
		Map<Integer, Document> model = new HashMap<>();
		withServer(backend.get(), (client) -> {
			MongoCollection<Document> progress = client.getDatabase("t").getCollection("progress");
			progress.createIndex(Indexes.ascending("classId", "moduleId"), new IndexOptions().name("class_module"));
			progress.createIndex(Indexes.ascending("tags"), new IndexOptions().name("tags"));
			Random random = new Random(42);
			for (int step = 0; step < 600; step++) {
				int id = random.nextInt(80);
				String classId = CLASSES.get(random.nextInt(CLASSES.size()));
				String moduleId = MODULES.get(random.nextInt(MODULES.size()));
				switch (random.nextInt(5)) {
					case 0, 1 -> {
						Document document = new Document("_id", id).append("classId", classId)
							.append("moduleId", moduleId)
							.append("step", random.nextInt(4))
							.append("tags", List.of(classId, moduleId));
						progress.replaceOne(Filters.eq("_id", id), document,
								new com.mongodb.client.model.ReplaceOptions().upsert(true));
						model.put(id, document);
					}
					case 2 -> {
						progress.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("classId", classId),
								Updates.set("tags", List.of(classId, moduleId))));
						if (model.containsKey(id)) {
							model.get(id).append("classId", classId).append("tags", List.of(classId, moduleId));
						}
					}
					case 3 -> {
						progress.deleteOne(Filters.eq("_id", id));
						model.remove(id);
					}
					default -> {
						progress.updateMany(Filters.eq("classId", classId), Updates.inc("step", 1));
						model.values()
							.stream()
							.filter((d) -> d.get("classId").equals(classId))
							.forEach((d) -> d.put("step", d.getInteger("step") + 1));
					}
				}
				assertSameAsModel(progress, model, classId, moduleId);
			}
			Document validated = client.getDatabase("t").runCommand(new Document("validate", "progress"));
			assertThat(validated.get("keysPerIndex", Document.class).get("class_module"))
				.as("the index holds every document (the server's placeholder holds none)")
				.isEqualTo((long) model.size());
		});
		if (name.equals("files")) {
			withServer(backend.get(), (client) -> {
				MongoCollection<Document> progress = client.getDatabase("t").getCollection("progress");
				for (String classId : CLASSES) {
					for (String moduleId : MODULES) {
						assertSameAsModel(progress, model, classId, moduleId);
					}
				}
			});
		}
	}

	/** Runs {@code work} with a client of a new server on this backend, then shuts the server down. */
	private static void withServer(MongoBackend backend, Consumer<MongoClient> work) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			work.accept(client);
		}
		finally {
			server.shutdownNow();
		}
	}

	private static void assertSameAsModel(MongoCollection<Document> progress, Map<Integer, Document> model,
			String classId, String moduleId) {
		assertThat(ids(progress.find(Filters.eq("classId", classId)))).as("by class")
			.isEqualTo(expected(model, (d) -> d.get("classId").equals(classId)));
		assertThat(ids(progress.find(Filters.and(Filters.eq("classId", classId), Filters.eq("moduleId", moduleId)))))
			.as("by class and module")
			.isEqualTo(expected(model, (d) -> d.get("classId").equals(classId) && d.get("moduleId").equals(moduleId)));
		assertThat(ids(progress.find(Filters.and(Filters.eq("classId", classId), Filters.gte("step", 2)))))
			.as("by class, then filtered")
			.isEqualTo(expected(model, (d) -> d.get("classId").equals(classId) && d.getInteger("step") >= 2));
		assertThat(ids(progress.find(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", "m1", moduleId)))))
			.as("by class in an $and, with an operator on the module")
			.isEqualTo(expected(model, (d) -> d.get("classId").equals(classId)
					&& List.of("m1", moduleId).contains(d.get("moduleId"))));
		assertThat(ids(progress.find(Filters.eq("tags", moduleId)))).as("an array field, by element")
			.isEqualTo(expected(model, (d) -> d.getList("tags", String.class).contains(moduleId)));
		assertThat(ids(progress.find(Filters.eq("classId", "nobody")))).as("no match").isEmpty();
	}

	private static List<Integer> ids(Iterable<Document> found) {
		List<Integer> ids = new ArrayList<>();
		found.forEach((document) -> ids.add(document.getInteger("_id")));
		ids.sort(Comparator.naturalOrder());
		return ids;
	}

	private static List<Integer> expected(Map<Integer, Document> model, java.util.function.Predicate<Document> matches) {
		return model.values().stream().filter(matches).map((d) -> d.getInteger("_id")).sorted().toList();
	}

	/**
	 * A query on the leading key of a compound unique index (progress by learner) is answered by the
	 * index's companion, which follows inserts, key changes and deletes, is rebuilt on reopening, and
	 * is not listed among the indexes; the unique index itself still refuses duplicates.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void leadingKeyOfACompoundUniqueIndexIsIndexed(String name, Supplier<MongoBackend> backend) {
		withServer(backend.get(), (client) -> {
			MongoCollection<Document> progress = client.getDatabase("u").getCollection("progress");
			progress.createIndex(Indexes.ascending("learnerId", "moduleId"),
					new IndexOptions().name("learner_module_unique").unique(true));
			int id = 0;
			for (String learner : List.of("l1", "l2", "l3")) {
				for (String module : MODULES) {
					progress.insertOne(new Document("_id", id++).append("learnerId", learner).append("moduleId", module));
				}
			}
			progress.updateOne(Filters.eq("_id", 0), Updates.set("learnerId", "l4"));
			progress.deleteOne(Filters.eq("_id", 4));
			assertLeadingKeyQueries(progress);
			assertThat(catchThrowable(() -> progress.insertOne(new Document("_id", 99).append("learnerId", "l2")
				.append("moduleId", "m3")))).as("still unique").isInstanceOf(com.mongodb.MongoWriteException.class);
			assertThat(keys(client, "learner_module_unique_prefix")).as("the companion holds every document").isEqualTo(8L);
			List<String> listed = new ArrayList<>();
			progress.listIndexes().forEach((index) -> listed.add(index.getString("name")));
			assertThat(listed).containsExactlyInAnyOrder("_id_", "learner_module_unique");
		});
		if (name.equals("files")) {
			withServer(backend.get(), (client) -> {
				MongoCollection<Document> progress = client.getDatabase("u").getCollection("progress");
				assertLeadingKeyQueries(progress);
				assertThat(keys(client, "learner_module_unique_prefix")).as("rebuilt on reopening").isEqualTo(8L);
				assertThat(keys(client, "learner_module_unique")).as("the unique index too").isEqualTo(8L);
				assertThat(catchThrowable(() -> progress.insertOne(new Document("_id", 99).append("learnerId", "l2")
					.append("moduleId", "m3")))).as("still unique after reopening")
					.isInstanceOf(com.mongodb.MongoWriteException.class);
				assertThat(catchThrowable(() -> progress.insertOne(new Document("_id", 3).append("learnerId", "l9")
					.append("moduleId", "m1")))).as("ids too").isInstanceOf(com.mongodb.MongoWriteException.class);
				progress.insertOne(new Document("_id", 100).append("learnerId", "l2").append("moduleId", "m4"));
				assertThat(ids(progress.find(Filters.eq("learnerId", "l2")))).containsExactly(3, 5, 100);
			});
		}
	}

	/**
	 * A data folder written before unique indexes moved to memory (the server's own H2 backend kept
	 * them in the file) opens with them rebuilt from the documents, and the stale copies are gone.
	 */
	@org.junit.jupiter.api.Test
	void aFileWithStoredUniqueIndexesOpensWithThemInMemory(@TempDir Path older) {
		String file = older.resolve("older.mv").toString();
		withServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(new MVStore.Builder().fileName(file).open()),
				(client) -> {
					MongoCollection<Document> progress = client.getDatabase("u").getCollection("progress");
					progress.createIndex(Indexes.ascending("learnerId", "moduleId"),
							new IndexOptions().name("learner_module_unique").unique(true));
					progress.insertOne(new Document("_id", 1).append("learnerId", "l1").append("moduleId", "m1"));
					progress.insertOne(new Document("_id", 2).append("learnerId", "l1").append("moduleId", "m2"));
				});
		assertThat(storedIndexMaps(file)).as("written as before").isNotEmpty();
		withServer(IndexingBackends.files(new MVStore.Builder().fileName(file).open()), (client) -> {
			MongoCollection<Document> progress = client.getDatabase("u").getCollection("progress");
			assertThat(ids(progress.find(Filters.eq("learnerId", "l1")))).containsExactly(1, 2);
			assertThat(catchThrowable(() -> progress.insertOne(new Document("_id", 3).append("learnerId", "l1")
				.append("moduleId", "m2")))).as("the rebuilt unique index refuses a duplicate")
				.isInstanceOf(com.mongodb.MongoWriteException.class);
		});
		assertThat(storedIndexMaps(file)).isEmpty();
	}

	private static List<String> storedIndexMaps(String file) {
		MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
		try {
			return store.getMapNames().stream().filter((name) -> name.contains("._index_")).toList();
		}
		finally {
			store.close();
		}
	}

	private static void assertLeadingKeyQueries(MongoCollection<Document> progress) {
		assertThat(ids(progress.find(Filters.eq("learnerId", "l1")))).containsExactly(1, 2);
		assertThat(ids(progress.find(Filters.eq("learnerId", "l2")))).containsExactly(3, 5);
		assertThat(ids(progress.find(Filters.eq("learnerId", "l4")))).as("moved to another learner").containsExactly(0);
		assertThat(ids(progress.find(Filters.and(Filters.eq("learnerId", "l3"), Filters.in("moduleId", "m1", "m3")))))
			.containsExactly(6, 8);
		assertThat(ids(progress.find(Filters.and(Filters.eq("learnerId", "l3"), Filters.eq("moduleId", "m2")))))
			.as("both keys: the unique index")
			.containsExactly(7);
	}

	private static long keys(MongoClient client, String index) {
		Document validated = client.getDatabase("u").runCommand(new Document("validate", "progress"));
		return ((Number) validated.get("keysPerIndex", Document.class).get(index)).longValue();
	}

	@org.junit.jupiter.api.Test
	void answersOnlyQueriesThatGiveAPlainValueForTheFirstKey() {
		SecondaryIndex<Integer> index = new SecondaryIndex<>("class_module",
				List.of(new IndexKey("classId", true), new IndexKey("moduleId", true)));
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("classId", "c1"))).isTrue();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("classId", "c1").append("step", 2)))
			.isTrue();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("moduleId", "m1"))).as("not a prefix")
			.isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("classId",
				new de.bwaldvogel.mongo.bson.Document("$in", List.of("c1", "c2")))))
			.as("an operator")
			.isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("classId", null))).as("null").isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$and",
				List.of(new de.bwaldvogel.mongo.bson.Document("classId", "c1"), new de.bwaldvogel.mongo.bson.Document(
						"moduleId", new de.bwaldvogel.mongo.bson.Document("$in", List.of("m1")))))))
			.as("inside $and")
			.isTrue();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("$or",
				List.of(new de.bwaldvogel.mongo.bson.Document("classId", "c1"), new de.bwaldvogel.mongo.bson.Document(
						"classId", "c2")))))
			.as("inside $or")
			.isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("classId", List.of("c1"))))
			.as("an array")
			.isFalse();
	}

	/**
	 * A single-key index answers ranges on its key (the sweep of refilled rate-limit buckets,
	 * {@code expiresAt < now}) exactly as a scan would, whatever the documents hold there: dates,
	 * numbers, a string, null or nothing; through inserts, moves and range deletes, on both backends
	 * and after the file backend reopens.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void rangesOnASingleKeyIndexFindExactlyWhatAScanFinds(String name, Supplier<MongoBackend> backend) {
		Map<Integer, Document> model = new HashMap<>();
		withServer(backend.get(), (client) -> {
			MongoCollection<Document> buckets = client.getDatabase("r").getCollection("buckets");
			buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("expires_ttl")
				.expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
			Random random = new Random(7);
			for (int step = 0; step < 400; step++) {
				int id = random.nextInt(60);
				Object expiresAt = someKey(random);
				switch (random.nextInt(4)) {
					case 0, 1 -> {
						Document document = new Document("_id", id).append("n", step);
						if (expiresAt != MISSING) {
							document.append("expiresAt", expiresAt);
						}
						buckets.replaceOne(Filters.eq("_id", id), document,
								new com.mongodb.client.model.ReplaceOptions().upsert(true));
						model.put(id, document);
					}
					case 2 -> {
						if (expiresAt != MISSING) {
							buckets.updateOne(Filters.eq("_id", id), Updates.set("expiresAt", expiresAt));
							if (model.containsKey(id)) {
								model.get(id).append("expiresAt", expiresAt);
							}
						}
					}
					default -> {
						Date now = new Date(1_000L * random.nextInt(30));
						buckets.deleteMany(Filters.lt("expiresAt", now));
						model.values().removeIf((d) -> d.get("expiresAt") instanceof Date date && date.before(now));
					}
				}
				assertRangesAsModel(buckets, model, random);
			}
		});
		if (name.equals("files")) {
			withServer(backend.get(), (client) -> {
				MongoCollection<Document> buckets = client.getDatabase("r").getCollection("buckets");
				Random random = new Random(8);
				for (int i = 0; i < 20; i++) {
					assertRangesAsModel(buckets, model, random);
				}
			});
		}
	}

	private static final Object MISSING = new Object();

	/** Mostly dates, some numbers, a string, null or no field at all. */
	private static Object someKey(Random random) {
		return switch (random.nextInt(10)) {
			case 0 -> 1_000 * random.nextInt(30);
			case 1 -> "soon";
			case 2 -> null;
			case 3 -> MISSING;
			default -> new Date(1_000L * random.nextInt(30));
		};
	}

	private static void assertRangesAsModel(MongoCollection<Document> buckets, Map<Integer, Document> model,
			Random random) {
		long low = 1_000L * random.nextInt(30);
		long high = low + 1_000L * random.nextInt(10);
		assertThat(ids(buckets.find(Filters.lt("expiresAt", new Date(high))))).as("before a date")
			.isEqualTo(expected(model, (d) -> d.get("expiresAt") instanceof Date date && date.getTime() < high));
		assertThat(ids(buckets.find(Filters.lte("expiresAt", new Date(high))))).as("up to a date")
			.isEqualTo(expected(model, (d) -> d.get("expiresAt") instanceof Date date && date.getTime() <= high));
		assertThat(ids(buckets.find(Filters.and(Filters.gt("expiresAt", new Date(low)),
				Filters.lte("expiresAt", new Date(high))))))
			.as("between two dates")
			.isEqualTo(expected(model, (d) -> d.get("expiresAt") instanceof Date date && date.getTime() > low
					&& date.getTime() <= high));
		assertThat(ids(buckets.find(Filters.gte("expiresAt", (int) low)))).as("numbers only")
			.isEqualTo(expected(model,
					(d) -> d.get("expiresAt") instanceof Integer number && number.longValue() >= low));
		assertThat(ids(buckets.find(Filters.and(Filters.gt("expiresAt", new Date(high)),
				Filters.lt("expiresAt", new Date(low))))))
			.as("an empty range")
			.isEqualTo(expected(model, (d) -> false));
	}

	@org.junit.jupiter.api.Test
	void aRangeReadsOnlyTheKeysWithinIt() {
		SecondaryIndex<Integer> index = new SecondaryIndex<>("expires_ttl", List.of(new IndexKey("expiresAt", true)));
		for (int i = 0; i < 100; i++) {
			index.add(new de.bwaldvogel.mongo.bson.Document("_id", i).append("expiresAt", Instant.ofEpochSecond(i)), i,
					null);
		}
		index.add(new de.bwaldvogel.mongo.bson.Document("_id", 100), 100, null);
		index.remove(new de.bwaldvogel.mongo.bson.Document("_id", 3).append("expiresAt", Instant.ofEpochSecond(3)));
		de.bwaldvogel.mongo.bson.Document expired = new de.bwaldvogel.mongo.bson.Document("expiresAt",
				new de.bwaldvogel.mongo.bson.Document("$lt", Instant.ofEpochSecond(5)));
		assertThat(index.canHandle(expired)).isTrue();
		assertThat(index.getPositions(expired)).as("the bound itself too: the server filters exactly")
			.containsExactly(0, 1, 2, 4, 5);
		index.add(new de.bwaldvogel.mongo.bson.Document("_id", 101).append("expiresAt", Instant.ofEpochSecond(1)), 101,
				null);
		index.remove(new de.bwaldvogel.mongo.bson.Document("_id", 0).append("expiresAt", Instant.ofEpochSecond(0)));
		assertThat(index.getPositions(expired)).as("kept up to date once asked for: by key, then as filed")
			.containsExactly(1, 101, 2, 4, 5);
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("expiresAt",
				new de.bwaldvogel.mongo.bson.Document("$lt", Instant.now()).append("$ne", Instant.now()))))
			.as("another operator beside the range")
			.isFalse();
		assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("expiresAt",
				new de.bwaldvogel.mongo.bson.Document("$lt", null))))
			.as("a null bound")
			.isFalse();
		SecondaryIndex<Integer> compound = new SecondaryIndex<>("class_module",
				List.of(new IndexKey("classId", true), new IndexKey("moduleId", true)));
		assertThat(compound.canHandle(new de.bwaldvogel.mongo.bson.Document("classId",
				new de.bwaldvogel.mongo.bson.Document("$gt", "c1"))))
			.as("a compound index: equality only, as before")
			.isFalse();
	}

	/**
	 * The file backend's index computes a document's position from its id instead of keeping it: it
	 * still answers, counts and takes documents out as the server expects, also a document filed at a
	 * position other than its id (kept as before), and an update moving a document between keys.
	 */
	@org.junit.jupiter.api.Test
	void anIndexThatComputesPositionsFromIdsFilesAndTakesOutAsOneThatKeepsThem() {
		SecondaryIndex<Object> index = new SecondaryIndex<>("learner", List.of(new IndexKey("learnerId", true)),
				IndexingBackends::filePosition);
		List<de.bwaldvogel.mongo.bson.Document> documents = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "a" + i)
				.append("learnerId", "l" + (i % 5));
			documents.add(document);
			index.add(document, "a" + i, null);
		}
		de.bwaldvogel.mongo.bson.Document elsewhere = new de.bwaldvogel.mongo.bson.Document("_id", "odd")
			.append("learnerId", "l0");
		index.add(elsewhere, "position-not-the-id", null);
		assertThat(index.getCount()).isEqualTo(51);
		assertThat(index.getPositions(new de.bwaldvogel.mongo.bson.Document("learnerId", "l0")))
			.containsExactly("a0", "a5", "a10", "a15", "a20", "a25", "a30", "a35", "a40", "a45", "position-not-the-id");

		assertThat(index.remove(documents.get(5))).isEqualTo("a5");
		assertThat(index.remove(elsewhere)).isEqualTo("position-not-the-id");
		de.bwaldvogel.mongo.bson.Document moved = new de.bwaldvogel.mongo.bson.Document("_id", "a10")
			.append("learnerId", "l1");
		index.updateInPlace(documents.get(10), moved, "a10", null);

		assertThat(index.getCount()).isEqualTo(49);
		assertThat(index.getPositions(new de.bwaldvogel.mongo.bson.Document("learnerId", "l0")))
			.containsExactly("a0", "a15", "a20", "a25", "a30", "a35", "a40", "a45");
		assertThat(index.getPositions(new de.bwaldvogel.mongo.bson.Document("learnerId", "l1"))).endsWith("a10")
			.hasSize(11);
	}

}
