package org.safesteps.storage;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file backend stores documents as BSON: every type a client can send comes back as it was
 * stored, and a data folder written before (documents Java-serialised by the embedded server's own
 * backend) opens with its documents intact and takes new and changed ones beside them.
 */
class BsonDocumentTypeTest {

	@TempDir
	Path dir;

	@Test
	void aDataFolderWrittenTheEarlierWayOpensAndKeepsEveryDocument() {
		Path file = this.dir.resolve("store.mv");
		// written by mongo-java-server's own H2 backend: documents Java-serialised
		MVStore before = new MVStore.Builder().fileName(file.toString()).open();
		withClient(new H2Backend(before), (collection) -> {
			collection.insertOne(sample("old-1"));
			collection.insertOne(sample("old-2"));
		});
		before.close();

		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		withClient(IndexingBackends.files(store), (collection) -> {
			assertThat(collection.find(new Document("_id", "old-1")).first()).isEqualTo(sample("old-1"));
			collection.updateOne(new Document("_id", "old-2"), new Document("$inc", new Document("count", 1)));
			collection.insertOne(sample("new-1"));
		});
		store.close();

		MVStore again = new MVStore.Builder().fileName(file.toString()).open();
		withClient(IndexingBackends.files(again), (collection) -> {
			assertThat(collection.find(new Document("_id", "old-1")).first()).isEqualTo(sample("old-1"));
			assertThat(collection.find(new Document("_id", "old-2")).first()).isEqualTo(sample("old-2").append("count", 2));
			assertThat(collection.find(new Document("_id", "new-1")).first()).isEqualTo(sample("new-1"));
		});
		again.close();

		// what was written since is BSON, which the earlier format cannot read (going back needs an export)
		MVStore plain = new MVStore.Builder().fileName(file.toString()).open();
		MVMap<Object, Object> documents = plain.openMap("databases.t.docs");
		assertThatThrownBy(() -> documents.get("new-1")).isInstanceOf(RuntimeException.class);
		plain.close();
	}

	@Test
	void aPageOfManyDocumentsIsReadBackAsWritten() {
		Path file = this.dir.resolve("many.mv");
		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		withClient(IndexingBackends.files(store), (collection) -> {
			for (int i = 0; i < 500; i++) {
				collection.insertOne(sample("doc-" + i));
			}
		});
		store.close();
		MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
		withClient(IndexingBackends.files(reopened), (collection) -> {
			assertThat(collection.countDocuments()).isEqualTo(500);
			for (int i = 0; i < 500; i += 37) {
				assertThat(collection.find(new Document("_id", "doc-" + i)).first()).isEqualTo(sample("doc-" + i));
			}
		});
		reopened.close();
	}

	@Test
	void aCollectionsSizeIsTheBytesOfItsDocumentsAfterWritesAndARestart() {
		Path file = this.dir.resolve("size.mv");
		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		withDatabase(IndexingBackends.files(store), (database) -> {
			MongoCollection<Document> collection = database.getCollection("docs");
			for (int i = 0; i < 20; i++) {
				collection.insertOne(sample("s-" + i));
			}
			collection.updateOne(new Document("_id", "s-3"), new Document("$set", new Document("text", "longer ".repeat(40))));
			collection.deleteOne(new Document("_id", "s-7"));
			assertThat(statedSize(database)).isEqualTo(bsonSize(database)).isGreaterThan(19 * 200);
		});
		store.close();
		MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
		withDatabase(IndexingBackends.files(reopened), (database) -> {
			database.getCollection("docs").deleteOne(new Document("_id", "s-8"));
			assertThat(statedSize(database)).isEqualTo(bsonSize(database));
		});
		reopened.close();
	}

	/** The collection's size as {@code collStats} gives it. */
	private static long statedSize(MongoDatabase database) {
		return ((Number) database.runCommand(new Document("collStats", "docs")).get("size")).longValue();
	}

	/** The collection's documents' BSON bytes, as a client reads them. */
	private static long bsonSize(MongoDatabase database) {
		long size = 0;
		for (RawBsonDocument document : database.getCollection("docs", RawBsonDocument.class).find()) {
			size += document.getByteBuffer().remaining();
		}
		return size;
	}

	@Test
	void aDocumentIsKeptAsItsBytesAndEveryReadIsItsOwnCopy() {
		de.bwaldvogel.mongo.bson.Document stored = new de.bwaldvogel.mongo.bson.Document("_id", "a")
			.append("answers", new ArrayList<>(List.of(new de.bwaldvogel.mongo.bson.Document("chosen", "b"))));
		Object kept = BsonDocumentType.encode(stored);
		assertThat(kept).isInstanceOf(byte[].class);

		de.bwaldvogel.mongo.bson.Document first = BsonDocumentType.decode(kept);
		assertThat(first).isEqualTo(stored);
		first.put("score", 100);
		((de.bwaldvogel.mongo.bson.Document) ((List<?>) first.get("answers")).get(0)).put("chosen", "c");
		assertThat(BsonDocumentType.decode(kept)).as("a reader's change is not stored").isEqualTo(stored);

		BsonDocumentType type = new BsonDocumentType();
		assertThat((byte[]) type.read(written(type, kept))).as("written and read as the same bytes").isEqualTo(kept);
		assertThat(type.getMemory(kept)).isBetween(((byte[]) kept).length + 16, ((byte[]) kept).length + 24);
	}

	@Test
	void aDocumentWrittenTheEarlierWayIsKeptAsBytesWhenRead() {
		de.bwaldvogel.mongo.bson.Document earlier = new de.bwaldvogel.mongo.bson.Document("_id", "e").append("n", 7);
		Object read = new BsonDocumentType().read(written(new ObjectDataType(), earlier));
		assertThat(read).isInstanceOf(byte[].class);
		assertThat(BsonDocumentType.decode(read)).isEqualTo(earlier);
	}

	@Test
	void aDocumentTheEncoderRefusesIsKeptAsItIsAndWrittenTheEarlierWay() {
		// no client can send one (the server decodes only BSON); a value H2 can serialise stands in
		de.bwaldvogel.mongo.bson.Document refused = new de.bwaldvogel.mongo.bson.Document("_id", "r")
			.append("big", new BigInteger("123456789012345678901234567890"));
		Object kept = BsonDocumentType.encode(refused);
		assertThat(kept).isSameAs(refused);
		assertThat(BsonDocumentType.decode(kept)).isEqualTo(refused).isNotSameAs(refused);

		BsonDocumentType type = new BsonDocumentType();
		assertThat(type.read(written(type, kept))).isEqualTo(refused);
	}

	private static ByteBuffer written(DataType<Object> type, Object value) {
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, value);
		return buffer.getBuffer().flip();
	}

	private static Document sample(String id) {
		List<Object> list = new ArrayList<>();
		list.add("a");
		list.add(2);
		list.add(new Document("nested", true));
		return new Document("_id", id).append("text", "Zoë ✓ مرحبا")
			.append("int", 42)
			.append("long", 1L << 40)
			.append("double", 0.1)
			.append("decimal", Decimal128.parse("1.50"))
			.append("date", new Date(1_796_000_000_000L))
			.append("objectId", new ObjectId("65a0f0f0f0f0f0f0f0f0f0f0"))
			.append("uuid", UUID.fromString("0b6c1a38-3f4e-4d8e-9c2a-5d9d7f1e2a3b"))
			.append("binary", new Binary(new byte[] { 1, 2, 3 }))
			.append("null", null)
			.append("list", list)
			.append("count", 1);
	}

	private static void withClient(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> work) {
		withDatabase(backend, (database) -> work.accept(database.getCollection("docs")));
	}

	private static void withDatabase(MongoBackend backend, java.util.function.Consumer<MongoDatabase> work) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://" + address.getHostString() + ":" + address.getPort() + "/?uuidRepresentation=standard")) {
			work.accept(client.getDatabase("t"));
		}
		finally {
			server.shutdownNow();
		}
	}

}
