package org.safesteps.storage;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that asks not to wait for the journal ({@code w: 1, j: false}) is answered without a
 * group commit of its own, and is on disk once a later acknowledged write is: the pair a quiz
 * submission makes (attempt, then progress) costs one commit and one sync, not two.
 */
class UnjournaledWritesTest {

	@TempDir
	Path dir;

	@Test
	void anUnjournaledWriteWaitsForNoCommitAndIsDurableWithTheNextAcknowledgedOne() throws Exception {
		Path file = this.dir.resolve("store.mv");
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
		MongoBackend backend = IndexingBackends.files(store);
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
			.writeConcern(MongoSettings.WRITE_CONCERN)
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			MongoCollection<Document> attempts = client.getDatabase("t").getCollection("attempts");
			MongoCollection<Document> progress = client.getDatabase("t").getCollection("progress");
			progress.insertOne(new Document("_id", "warm-up"));

			long before = IndexingBackends.commits(backend);
			attempts.withWriteConcern(WriteConcern.W1.withJournal(false)).insertOne(new Document("_id", "attempt"));
			assertThat(IndexingBackends.commits(backend)).as("answered without a commit of its own").isEqualTo(before);

			progress.insertOne(new Document("_id", "progress"));
			assertThat(IndexingBackends.commits(backend)).as("the acknowledged write waited for one").isGreaterThan(before);
			// a copy of the file as it is now is what a crash at this moment would leave behind
			Path copy = this.dir.resolve("copy.mv");
			Files.copy(file, copy);
			MVStore reopened = new MVStore.Builder().fileName(copy.toString()).open();
			MongoServer after = new MongoServer(IndexingBackends.files(reopened));
			InetSocketAddress afterAddress = after.bind();
			try (MongoClient crashed = MongoClients.create("mongodb://" + afterAddress.getHostString() + ":" + afterAddress.getPort())) {
				assertThat(crashed.getDatabase("t").getCollection("attempts").countDocuments(new Document("_id", "attempt")))
					.isEqualTo(1);
				assertThat(crashed.getDatabase("t").getCollection("progress").countDocuments(new Document("_id", "progress")))
					.isEqualTo(1);
			}
			finally {
				after.shutdownNow();
				reopened.close();
			}
		}
		finally {
			server.shutdownNow();
			store.close();
		}
	}

	/** The same for quiz submissions written in bulk: a batch of N costs one commit and one sync, not N. */
	@Test
	void aBulkOfUnjournaledInsertsIsDurableWithTheBulkWriteThatFollowsItInOneCommit() throws Exception {
		Path file = this.dir.resolve("bulk.mv");
		MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
		MongoBackend backend = IndexingBackends.files(store);
		MongoServer server = new MongoServer(backend);
		InetSocketAddress address = server.bind();
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
			.writeConcern(MongoSettings.WRITE_CONCERN)
			.build();
		int batch = 20;
		try (MongoClient client = MongoClients.create(settings)) {
			MongoCollection<Document> attempts = client.getDatabase("t").getCollection("attempts");
			MongoCollection<Document> progress = client.getDatabase("t").getCollection("progress");
			progress.insertOne(new Document("_id", "warm-up"));
			List<InsertOneModel<Document>> inserts = new ArrayList<>();
			List<UpdateOneModel<Document>> updates = new ArrayList<>();
			for (int i = 0; i < batch; i++) {
				inserts.add(new InsertOneModel<>(new Document("_id", "attempt-" + i)));
				updates.add(new UpdateOneModel<>(new Document("_id", "progress-" + i), new Document("$inc", new Document("attempts", 1)),
						new UpdateOptions().upsert(true)));
			}

			long before = IndexingBackends.commits(backend);
			attempts.withWriteConcern(WriteConcern.W1.withJournal(false))
				.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
			assertThat(IndexingBackends.commits(backend)).as("answered without a commit of its own").isEqualTo(before);
			progress.bulkWrite(updates, new BulkWriteOptions().ordered(false));
			assertThat(IndexingBackends.commits(backend)).as("one commit and sync for the whole batch").isEqualTo(before + 1);

			Path copy = this.dir.resolve("bulk-copy.mv");
			Files.copy(file, copy);
			MVStore reopened = new MVStore.Builder().fileName(copy.toString()).open();
			MongoServer after = new MongoServer(IndexingBackends.files(reopened));
			InetSocketAddress afterAddress = after.bind();
			try (MongoClient crashed = MongoClients.create("mongodb://" + afterAddress.getHostString() + ":" + afterAddress.getPort())) {
				assertThat(crashed.getDatabase("t").getCollection("attempts").countDocuments()).isEqualTo(batch);
				assertThat(crashed.getDatabase("t").getCollection("progress").countDocuments(new Document("attempts", 1)))
					.isEqualTo(batch);
			}
			finally {
				after.shutdownNow();
				reopened.close();
			}
		}
		finally {
			server.shutdownNow();
			store.close();
		}
	}

	@Test
	void onlyAnExplicitSingleNodeUnjournaledConcernSkipsTheWait() {
		assertThat(unjournaled(null)).as("the client's default").isFalse();
		assertThat(unjournaled(new de.bwaldvogel.mongo.bson.Document("w", "majority").append("j", true))).isFalse();
		assertThat(unjournaled(new de.bwaldvogel.mongo.bson.Document("w", "majority").append("j", false)))
			.as("majority still waits").isFalse();
		assertThat(unjournaled(new de.bwaldvogel.mongo.bson.Document("w", 1))).as("j unset: waits").isFalse();
		assertThat(unjournaled(new de.bwaldvogel.mongo.bson.Document("w", 2).append("j", false))).isFalse();
		assertThat(unjournaled(new de.bwaldvogel.mongo.bson.Document("w", 1).append("j", false))).isTrue();
		assertThat(unjournaled(new de.bwaldvogel.mongo.bson.Document("w", 0))).isTrue();
	}

	private static boolean unjournaled(de.bwaldvogel.mongo.bson.Document writeConcern) {
		de.bwaldvogel.mongo.bson.Document command = new de.bwaldvogel.mongo.bson.Document("insert", "attempts");
		if (writeConcern != null) {
			command.append("writeConcern", writeConcern);
		}
		return IndexingBackends.unjournaled(new de.bwaldvogel.mongo.wire.message.MongoMessage(null, null, command));
	}

}
