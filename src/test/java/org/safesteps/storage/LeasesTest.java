package org.safesteps.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Leases against the embedded server: one holder at a time, takeover after expiry, once per period. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeasesTest {

	static final Duration PERIOD = Duration.ofHours(6);

	static final Duration HOLD = Duration.ofMinutes(10);

	@Autowired
	MongoTemplate mongo;

	final Instant start = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void aHeldLeaseIsRefusedToOthersUntilItExpiresThenAnotherInstanceTakesItOver() {
		String job = job();
		Leases a = instance("a", this.start);
		assertThat(a.take(job, PERIOD, HOLD)).isPresent();

		assertThat(instance("b", this.start.plusSeconds(60)).take(job, PERIOD, HOLD)).as("held by a").isEmpty();
		assertThat(instance("a", this.start.plusSeconds(60)).take(job, PERIOD, HOLD)).as("held, even for a").isEmpty();

		Optional<Leases.Lease> takenOver = instance("b", this.start.plus(HOLD).plusSeconds(1)).take(job, PERIOD, HOLD);
		assertThat(takenOver).as("a died: its lease expired").isPresent();
		assertThat(lease(job).getString("holder")).startsWith("b/");
	}

	@Test
	void aStaleHolderReleasingAfterATakeoverLeavesTheNewHoldersLeaseAlone() {
		String job = job();
		Leases a = instance("a", this.start);
		Leases.Lease stale = a.take(job, PERIOD, HOLD).orElseThrow();
		Leases.Lease current = instance("b", this.start.plus(HOLD).plusSeconds(1)).take(job, PERIOD, HOLD).orElseThrow();

		instance("a", this.start.plus(HOLD).plusSeconds(2)).release(stale, true);

		Document lease = lease(job);
		assertThat(lease.getString("holder")).isEqualTo(current.holder());
		assertThat(lease.get("lastRunAt")).as("a's late finish is not recorded").isNull();
		assertThat(instance("c", this.start.plus(HOLD).plusSeconds(3)).take(job, PERIOD, HOLD)).isEmpty();
	}

	@Test
	void aJobRunsAtMostOncePerPeriodWhicheverInstanceAsks() {
		String job = job();
		AtomicInteger runs = new AtomicInteger();
		assertThat(instance("a", this.start).runOncePer(job, PERIOD, HOLD, runs::incrementAndGet)).contains(1);
		assertThat(instance("b", this.start.plusSeconds(5)).runOncePer(job, PERIOD, HOLD, runs::incrementAndGet))
			.as("released, but already run this period").isEmpty();
		assertThat(instance("b", this.start.plus(PERIOD).minusSeconds(1)).runOncePer(job, PERIOD, HOLD,
				runs::incrementAndGet)).isEmpty();
		assertThat(instance("b", this.start.plus(PERIOD)).runOncePer(job, PERIOD, HOLD, runs::incrementAndGet))
			.as("next period").contains(2);
		assertThat(lease(job).getInteger("runs")).isEqualTo(2);
	}

	@Test
	void aFailedRunIsNotRecordedSoTheNextAttemptRunsIt() {
		String job = job();
		assertThatThrownBy(() -> instance("a", this.start).runOncePer(job, PERIOD, HOLD, () -> {
			throw new IllegalStateException("database went away");
		})).as("the job's own failure propagates").isInstanceOf(IllegalStateException.class)
			.hasMessage("database went away");
		assertThat(lease(job).get("lastRunAt")).as("and is not recorded as a run").isNull();
		assertThat(instance("b", this.start.plusSeconds(5)).runOncePer(job, PERIOD, HOLD, () -> "ran")).contains("ran");
	}

	@Test
	void concurrentTakersOfAMissingLeaseHaveExactlyOneWinner() throws Exception {
		for (int round = 0; round < 5; round++) {
			String job = job();
			int takers = 8;
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(takers);
			try {
				List<Future<Boolean>> results = new ArrayList<>();
				for (int i = 0; i < takers; i++) {
					Leases leases = instance("i" + i, this.start);
					results.add(pool.submit(() -> {
						go.await();
						return leases.take(job, PERIOD, HOLD).isPresent();
					}));
				}
				go.countDown();
				int winners = 0;
				for (Future<Boolean> result : results) {
					winners += result.get() ? 1 : 0;
				}
				assertThat(winners).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void concurrentTakersOfAnExpiredLeaseHaveExactlyOneWinner() throws Exception {
		String job = job();
		instance("old", this.start).take(job, PERIOD, HOLD).orElseThrow();
		Instant later = this.start.plus(HOLD).plusSeconds(1);
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Leases leases = instance("i" + i, later);
				results.add(pool.submit(() -> {
					go.await();
					return leases.take(job, PERIOD, HOLD).isPresent();
				}));
			}
			go.countDown();
			int winners = 0;
			for (Future<Boolean> result : results) {
				winners += result.get() ? 1 : 0;
			}
			assertThat(winners).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Leases instance(String name, Instant now) {
		return new Leases(this.mongo, Clock.fixed(now, ZoneOffset.UTC), name);
	}

	private Document lease(String job) {
		return this.mongo.getCollection(Leases.COLLECTION).find(new Document("_id", job)).first();
	}

	private static String job() {
		return "test-job-" + UUID.randomUUID();
	}

}
