package org.safesteps.storage;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file backend writes an ObjectId key as a tag and its 12 bytes: a data folder whose keys were
 * written the earlier way (Java serialisation) opens with every document found by its id and in
 * the same order, takes new documents beside them, and every other kind of key is written exactly
 * as before.
 */
class DocumentKeyTypeTest {

	@TempDir
	Path dir;

	@Test
	void aDataFolderWithKeysWrittenTheEarlierWayKeepsThemFoundAndInOrder() {
		Path file = this.dir.resolve("store.mv");
		List<ObjectId> ids = new ArrayList<>();
		// the embedded server's own backend: keys Java-serialised
		MVStore before = new MVStore.Builder().fileName(file.toString()).open();
		withClient(new H2Backend(before), (collection) -> {
			for (int i = 0; i < 300; i++) {
				Document document = new Document("n", i);
				collection.insertOne(document);
				ids.add(document.getObjectId("_id"));
			}
		});
		before.close();

		MVStore store = new MVStore.Builder().fileName(file.toString()).open();
		withClient(IndexingBackends.files(store), (collection) -> {
			for (int i = 0; i < 300; i += 7) {
				assertThat(collection.find(new Document("_id", ids.get(i))).first()).containsEntry("n", i);
			}
			collection.updateOne(new Document("_id", ids.get(3)), new Document("$set", new Document("n", -3)));
			for (int i = 300; i < 600; i++) {
				Document document = new Document("n", i);
				collection.insertOne(document);
				ids.add(document.getObjectId("_id"));
			}
		});
		store.close();

		MVStore again = new MVStore.Builder().fileName(file.toString()).open();
		MVMap<Object, Object> documents = again.openMap("databases.t.docs", IndexingBackends.keptDocuments());
		List<ObjectId> keys = new ArrayList<>();
		documents.keySet().forEach((key) -> keys.add(new ObjectId(((de.bwaldvogel.mongo.bson.ObjectId) key).toByteArray())));
		assertThat(keys).as("old and new keys, one map, in ObjectId order").hasSize(600).isSorted()
			.containsExactlyInAnyOrderElementsOf(ids);
		again.close();
		MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
		withClient(IndexingBackends.files(reopened), (collection) -> {
			assertThat(collection.countDocuments()).isEqualTo(600);
			for (int i = 0; i < 600; i += 11) {
				assertThat(collection.find(new Document("_id", ids.get(i))).first()).containsEntry("n", (i == 3) ? -3 : i);
			}
			assertThat(collection.find(new Document("_id", ids.get(3))).first()).containsEntry("n", -3);
		});
		reopened.close();
	}

	@Test
	void anObjectIdTakesThirteenBytesAndEveryOtherKeyIsWrittenAsBefore() {
		DocumentKeyType keys = new DocumentKeyType();
		de.bwaldvogel.mongo.bson.ObjectId id = new de.bwaldvogel.mongo.bson.ObjectId();
		WriteBuffer written = new WriteBuffer();
		keys.write(written, id);
		ByteBuffer bytes = written.getBuffer().flip();
		assertThat(bytes.remaining()).isEqualTo(13);
		assertThat(keys.read(bytes)).isEqualTo(id);

		ObjectDataType earlier = new ObjectDataType();
		for (Object other : List.<Object>of("learner-1", UUID.randomUUID(), 42, 1.5, 7L, true)) {
			WriteBuffer mine = new WriteBuffer();
			keys.write(mine, other);
			WriteBuffer theirs = new WriteBuffer();
			earlier.write(theirs, other);
			assertThat(mine.getBuffer().flip()).as("%s", other).isEqualTo(theirs.getBuffer().flip());
			assertThat(keys.read(mine.getBuffer())).isEqualTo(other);
		}
	}

	@Test
	void keysCompareAsTheEarlierTypeComparesThem() {
		DocumentKeyType keys = new DocumentKeyType();
		ObjectDataType earlier = new ObjectDataType();
		java.util.Random random = new java.util.Random(29);
		List<Object> samples = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			byte[] bytes = new byte[12];
			random.nextBytes(bytes);
			// a shared leading part, as ObjectIds made in the same second have
			System.arraycopy(new byte[] { 0x67, 0x50, (byte) 0xa1, (byte) 0xb2 }, 0, bytes, 0, random.nextInt(5));
			samples.add(new de.bwaldvogel.mongo.bson.ObjectId(bytes));
		}
		samples.add("a-string-id");
		samples.add(42);
		samples.add(UUID.fromString("0b6c1a38-3f4e-4d8e-9c2a-5d9d7f1e2a3b"));
		for (Object a : samples) {
			for (Object b : samples) {
				assertThat(Integer.signum(keys.compare(a, b))).as("%s against %s", a, b)
					.isEqualTo(Integer.signum(earlier.compare(a, b)));
			}
		}
	}

	@Test
	void anObjectIdCountsInAPageAsTheEarlierTypeCountsItOnceSettled() {
		ObjectDataType earlier = new ObjectDataType();
		for (int i = 0; i < 300; i++) {
			earlier.write(new WriteBuffer(), new de.bwaldvogel.mongo.bson.ObjectId());
		}
		assertThat(new DocumentKeyType().getMemory(new de.bwaldvogel.mongo.bson.ObjectId()))
			.isEqualTo(earlier.getMemory(new de.bwaldvogel.mongo.bson.ObjectId()));
		assertThat(new DocumentKeyType().getMemory("learner-1")).isEqualTo(earlier.getMemory("learner-1"));
	}

	private static void withClient(MongoBackend backend, java.util.function.Consumer<MongoCollection<Document>> work) {
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			work.accept(client.getDatabase("t").getCollection("docs"));
		}
		finally {
			server.shutdownNow();
		}
	}

}
