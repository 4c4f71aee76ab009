package org.safesteps.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which queries the embedded server's unique indexes answer: a compare-and-swap names the id and the
 * state read before, and must not read the whole collection for it (the server then checks the
 * whole query against the document found: EmbeddedStorageTest, RateLimitTest and LeasesTest show the
 * answers are still right).
 */
class InMemoryUniqueIndexTest {

	private final InMemoryUniqueIndex<Integer> id = new InMemoryUniqueIndex<>("_id_",
			List.of(new IndexKey("_id", true)), false);

	private final InMemoryUniqueIndex<Integer> compound = new InMemoryUniqueIndex<>("class_module",
			List.of(new IndexKey("classId", true), new IndexKey("moduleId", true)), false);

	@Test
	void aKeyWithAPlainValueIsAnsweredWithOrWithoutOtherConditions() {
		assertThat(this.id.canHandle(new Document("_id", "bucket-1"))).isTrue();
		assertThat(this.id.canHandle(new Document("_id", "bucket-1").append("state", new byte[] { 1 }))).isTrue();
		assertThat(this.id.canHandle(new Document("_id", "lease").append("holder", "a").append("until",
				new Document("$lt", 5)))).isTrue();
	}

	@Test
	void operatorsListsMissingKeysAndNullAreLeftToTheServer() {
		assertThat(this.id.canHandle(new Document("_id", new Document("$gt", "a")).append("state", 1))).isFalse();
		assertThat(this.id.canHandle(new Document("_id", List.of("a", "b")).append("state", 1))).isFalse();
		assertThat(this.id.canHandle(new Document("_id", null).append("state", 1))).isFalse();
		assertThat(this.id.canHandle(new Document("state", 1))).isFalse();
		assertThat(this.compound.canHandle(new Document("classId", "c").append("x", 1)))
			.as("a compound index's leading key alone: its companion's").isFalse();
		assertThat(this.compound.canHandle(new Document("classId", "c").append("moduleId", new Document("$ne", "m"))))
			.isFalse();
		assertThat(this.compound.canHandle(new Document("classId", "c").append("moduleId", "m"))).isTrue();
	}

	@Test
	void theSwapAsTheDriverSendsItIsAnsweredFromTheIndex() {
		// MongoBuckets swaps with Filters.and(eq("_id", key), eq("state", read)): the driver sends $and
		assertThat(Filters.and(Filters.eq("_id", "bucket-1"), Filters.eq("state", 1)).toBsonDocument().keySet())
			.containsExactly("$and");
		this.id.putKeyPosition(new KeyValue(List.of("bucket-1")).normalized(), 7);
		Document swap = new Document("$and",
				List.of(new Document("_id", "bucket-1"), new Document("state", new byte[] { 1 })));
		assertThat(this.id.canHandle(swap)).isTrue();
		assertThat(this.id.getPositions(swap)).containsExactly(7);
		Document other = new Document("$and", List.of(new Document("_id", "bucket-2"), new Document("state", 1)));
		assertThat(this.id.getPositions(other)).isEmpty();
		assertThat(this.id.canHandle(new Document("$and",
				List.of(new Document("_id", new Document("$gt", "a")), new Document("state", 1))))).isFalse();
	}

	@Test
	void aCompoundKeyWithOtherConditionsIsAnsweredFromTheIndex() {
		// ProgressStore counts a submission with {learnerId, moduleId, countedSubmissions: {$ne: id}}
		this.compound.putKeyPosition(new KeyValue(List.of("c", "m")).normalized(), 3);
		this.compound.putKeyPosition(new KeyValue(List.of("c", "n")).normalized(), 4);
		Document upsert = new Document("classId", "c").append("moduleId", "m")
			.append("counted", new Document("$ne", "s-1"));
		assertThat(this.compound.canHandle(upsert)).isTrue();
		assertThat(this.compound.getPositions(upsert)).containsExactly(3);
		Document inAnd = new Document("$and", List.of(new Document("classId", "c"), new Document("moduleId", "n"),
				new Document("counted", new Document("$ne", "s-1"))));
		assertThat(this.compound.canHandle(inAnd)).isTrue();
		assertThat(this.compound.getPositions(inAnd)).containsExactly(4);
		assertThat(this.compound.getPositions(new Document("classId", "d").append("moduleId", "m").append("x", 1)))
			.isEmpty();
	}

	/**
	 * The index keys a single key by its value, not by a list of values: the same keys must still
	 * clash and be found as MongoDB's would (a number whatever its type, a missing key as null), through
	 * the real driver on the file backend.
	 */
	@Test
	void keysClashAndAreFoundAsOnMongoDb(@TempDir Path dir) {
		MongoServer server = new MongoServer(IndexingBackends
			.files(new MVStore.Builder().fileName(dir.resolve("unique.mv").toString()).open()));
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			MongoCollection<org.bson.Document> attempts = client.getDatabase("test").getCollection("attempts");
			attempts.createIndex(Indexes.ascending("submissionId"), new IndexOptions().unique(true));
			attempts.insertOne(new org.bson.Document("_id", 1).append("submissionId", 5));
			assertDuplicate(attempts, new org.bson.Document("_id", 2).append("submissionId", 5.0));
			assertDuplicate(attempts, new org.bson.Document("_id", 1).append("submissionId", 6));
			attempts.insertOne(new org.bson.Document("_id", 3));
			assertDuplicate(attempts, new org.bson.Document("_id", 4).append("submissionId", null));
			attempts.insertOne(new org.bson.Document("_id", 5).append("submissionId", "abc-1"));

			assertThat(attempts.find(Filters.eq("submissionId", 5L)).first()).containsEntry("_id", 1);
			assertThat(attempts.find(Filters.regex("submissionId", Pattern.compile("^abc"))).first())
				.containsEntry("_id", 5);
			attempts.deleteOne(Filters.eq("_id", 3));
			attempts.insertOne(new org.bson.Document("_id", 6).append("submissionId", null));
			attempts.updateOne(Filters.eq("_id", 1), com.mongodb.client.model.Updates.set("submissionId", 7));
			attempts.insertOne(new org.bson.Document("_id", 7).append("submissionId", 5));
			assertThat(attempts.find(Filters.eq("submissionId", 7)).first()).containsEntry("_id", 1);
			assertThat(attempts.countDocuments()).isEqualTo(4);
		}
		finally {
			server.shutdownNow();
		}
	}

	/**
	 * Submission ids are kept as their bits ({@link UuidText}): a canonical id still clashes only with
	 * itself, the same letters in upper case or a binary UUID of the same bits are other values, and a
	 * lookup, a regular expression and a deletion find what they found with the ids kept as strings.
	 */
	@Test
	void submissionIdsKeptAsTheirBitsClashAndAreFoundAsStrings(@TempDir Path dir) {
		MongoServer server = new MongoServer(IndexingBackends
			.files(new MVStore.Builder().fileName(dir.resolve("uuids.mv").toString()).open()));
		InetSocketAddress address = server.bind();
		String id = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
		try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			MongoCollection<org.bson.Document> attempts = client.getDatabase("test").getCollection("attempts");
			attempts.createIndex(Indexes.ascending("submissionId"), new IndexOptions().unique(true));
			attempts.insertOne(new org.bson.Document("_id", 1).append("submissionId", id));
			assertDuplicate(attempts, new org.bson.Document("_id", 2).append("submissionId", id));
			attempts.insertOne(new org.bson.Document("_id", 3).append("submissionId", id.toUpperCase()));
			attempts.insertOne(new org.bson.Document("_id", 4).append("submissionId", new org.bson.BsonBinary(java.util.UUID.fromString(id))));

			assertThat(attempts.find(Filters.eq("submissionId", id)).first()).containsEntry("_id", 1);
			assertThat(attempts.find(Filters.eq("submissionId", id.toUpperCase())).first()).containsEntry("_id", 3);
			assertThat(attempts.find(Filters.regex("submissionId", Pattern.compile("^0f1e"))).first())
				.containsEntry("_id", 1);
			attempts.deleteOne(Filters.eq("submissionId", id));
			assertThat(attempts.find(Filters.eq("submissionId", id)).first()).isNull();
			attempts.insertOne(new org.bson.Document("_id", 5).append("submissionId", id));
			assertThat(attempts.countDocuments()).isEqualTo(3);
		}
		finally {
			server.shutdownNow();
		}
	}

	private static void assertDuplicate(MongoCollection<org.bson.Document> collection, org.bson.Document document) {
		MongoWriteException refused = catchThrowableOfType(MongoWriteException.class,
				() -> collection.insertOne(document));
		assertThat(refused).as("%s refused", document).isNotNull();
		assertThat(refused.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
	}

}
