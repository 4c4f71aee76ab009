package org.safesteps.limits;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.bucket4j.BucketConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucket store's round trips: a bucket an instance has not used is inserted without a read
 * first (one command instead of two), and the guess never changes an answer, also when another
 * instance made the bucket.
 */
class MongoBucketsTest {

	private static final BucketConfiguration THREE_PER_TEN_MINUTES = BucketConfiguration.builder()
		.addLimit((shape) -> shape.capacity(3).refillGreedy(3, Duration.ofMinutes(10)))
		.build();

	private final List<String> commands = Collections.synchronizedList(new ArrayList<>());

	private MongoServer server;

	private MongoClient client;

	private MongoCollection<Document> collection;

	@BeforeEach
	void start() {
		this.server = new MongoServer(new MemoryBackend());
		InetSocketAddress address = this.server.bind();
		CommandListener listener = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				MongoBucketsTest.this.commands.add(event.getCommandName());
			}
		};
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
			.addCommandListener(listener)
			.build());
		this.collection = this.client.getDatabase("t").getCollection(RateLimits.COLLECTION);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void aNewBucketCostsOneInsertAndAKnownOneAReadAndAnUpdate() {
		MongoBuckets buckets = new MongoBuckets(this.collection);
		assertThat(take(buckets, "join-codes:a")).isTrue();
		assertThat(this.commands).as("a client's first request").containsExactly("insert");
		this.commands.clear();
		assertThat(take(buckets, "join-codes:a")).isTrue();
		assertThat(this.commands).as("the same client again").containsExactly("find", "update");
	}

	@Test
	void aSweepDeletesAtMostItsShareOfTheExpiredBucketsInTwoRoundTripsAndNoLiveOne() {
		Date expired = new Date(System.currentTimeMillis() - 60_000);
		Date live = new Date(System.currentTimeMillis() + 600_000);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			documents.add(new Document("_id", "expired-" + i).append("expiresAt", expired));
		}
		for (int i = 0; i < 3; i++) {
			documents.add(new Document("_id", "live-" + i).append("expiresAt", live));
		}
		this.collection.insertMany(documents);
		this.commands.clear();
		MongoBuckets buckets = new MongoBuckets(this.collection);

		assertThat(buckets.removeExpired(200)).isEqualTo(200);
		assertThat(this.commands).as("the ids read, then one delete of each").containsExactly("find", "delete");
		assertThat(buckets.removeExpired(200)).isEqualTo(50);
		assertThat(buckets.removeExpired(200)).isZero();
		assertThat(this.collection.find().map((bucket) -> bucket.getString("_id")).into(new ArrayList<>()))
			.containsExactlyInAnyOrder("live-0", "live-1", "live-2");
	}

	@Test
	void twoInstancesShareEveryBucketWhicheverMadeIt() {
		MongoBuckets instanceA = new MongoBuckets(this.collection);
		MongoBuckets instanceB = new MongoBuckets(this.collection);
		assertThat(take(instanceA, "posts:b")).isTrue();
		this.commands.clear();
		assertThat(take(instanceB, "posts:b")).as("the second token").isTrue();
		assertThat(this.commands).as("B takes the bucket to be new, is told it exists, then reads it")
			.containsExactly("insert", "find", "update");
		assertThat(take(instanceA, "posts:b")).as("the third token").isTrue();
		assertThat(take(instanceB, "posts:b")).as("none left, whichever instance asks").isFalse();
		assertThat(take(instanceA, "posts:b")).isFalse();
		assertThat(this.collection.countDocuments()).as("one bucket").isEqualTo(1);
	}

	@Test
	void aBucketSweptAwayStartsAgainFull() {
		MongoBuckets buckets = new MongoBuckets(this.collection);
		for (int i = 0; i < 3; i++) {
			assertThat(take(buckets, "invites:c")).isTrue();
		}
		assertThat(take(buckets, "invites:c")).isFalse();
		this.collection.deleteMany(new Document());
		assertThat(take(buckets, "invites:c")).as("known to this instance, but gone: read, then made again").isTrue();
	}

	private static boolean take(MongoBuckets buckets, String key) {
		return buckets.getProxy(key, () -> THREE_PER_TEN_MINUTES).tryConsume(1);
	}

}
