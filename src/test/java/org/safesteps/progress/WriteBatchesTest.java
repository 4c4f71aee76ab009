package org.safesteps.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.safesteps.storage.DatabaseFailures;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The batcher behind quiz writes: items arriving while a batch is written go together in the next
 * one, each request gets its own answer, and a failure or a stuck batch reaches only its own
 * requests, within the wait.
 */
class WriteBatchesTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

	private final ExecutorService pool = Executors.newCachedThreadPool();

	private WriteBatches<Integer, String> batcher;

	@AfterEach
	void stop() {
		if (this.batcher != null) {
			this.batcher.close();
		}
		this.pool.shutdownNow();
	}

	@Test
	void requestsArrivingWhileABatchIsWrittenGoTogetherInTheNextAndEachGetsItsOwnAnswer() throws Exception {
		HeldFirstBatch held = holdFirstBatch(100, (batch) -> {
			batch.forEach((entry) -> entry.complete("done " + entry.item()));
		});
		Future<String> first = held.first();
		List<Future<String>> others = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			int item = i;
			others.add(this.pool.submit(() -> this.batcher.write(item)));
		}
		// all twenty are queued behind the first batch before it is let go
		await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 20);
		held.release().countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("done 0");
		for (int i = 1; i <= 20; i++) {
			assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo("done " + i);
		}
		assertThat(this.batches).hasSize(2);
		assertThat(this.batches.get(0)).containsExactly(0);
		assertThat(this.batches.get(1)).hasSize(20);
	}

	@Test
	void aBatchHoldsNoMoreThanTheMaximum() throws Exception {
		HeldFirstBatch held = holdFirstBatch(4, (batch) -> {
			batch.forEach((entry) -> entry.complete("ok"));
		});
		Future<String> first = held.first();
		List<Future<String>> others = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			int item = i;
			others.add(this.pool.submit(() -> this.batcher.write(item)));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 10);
		held.release().countDown();
		first.get(10, TimeUnit.SECONDS);
		for (Future<String> other : others) {
			assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
		}
		assertThat(this.batches).allSatisfy((batch) -> assertThat(batch).hasSizeLessThanOrEqualTo(4));
		assertThat(this.batches.stream().mapToInt(List::size).sum()).isEqualTo(11);
		assertThat(this.batches).as("1 + 4 + 4 + 2").hasSize(4);
	}

	@Test
	void oneFailedItemFailsAloneAndTheOthersOfItsBatchSucceed() throws Exception {
		HeldFirstBatch held = holdFirstBatch(100, (batch) -> {
			for (WriteBatches.Entry<Integer, String> entry : batch) {
				if (entry.item() == 3) {
					entry.fail(new DuplicateKeyException("item 3 was written before"));
				}
				else {
					entry.complete("ok " + entry.item());
				}
			}
		});
		Future<String> first = held.first();
		List<Future<String>> others = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			int item = i;
			others.add(this.pool.submit(() -> this.batcher.write(item)));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 5);
		held.release().countDown();
		first.get(10, TimeUnit.SECONDS);

		for (int i = 1; i <= 5; i++) {
			Future<String> other = others.get(i - 1);
			if (i == 3) {
				assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS))
					.hasCauseInstanceOf(DuplicateKeyException.class);
			}
			else {
				assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("ok " + i);
			}
		}
		// read once every write of the batch has been answered (the batch is recorded as it runs)
		assertThat(this.batches.get(1)).as("the failed item was in the batch with the others").contains(3).hasSize(5);
	}

	@Test
	void aBatchThatThrowsFailsOnlyItsOwnRequestsWithItsExceptionAndTheNextBatchIsWritten() {
		this.batcher = new WriteBatches<>("test", limits(100, Duration.ZERO, WAIT, 1), (batch) -> {
			record(batch);
			if (batch.get(0).item() == 1) {
				throw new DataAccessResourceFailureException("database gone");
			}
			batch.forEach((entry) -> entry.complete("ok"));
		});
		assertThatThrownBy(() -> this.batcher.write(1)).isInstanceOf(DataAccessResourceFailureException.class)
			.hasMessage("database gone");
		assertThat(this.batcher.write(2)).isEqualTo("ok");
	}

	@Test
	void anItemTheWriterLeftUnansweredFailsInsteadOfWaiting() {
		this.batcher = new WriteBatches<>("test", limits(100, Duration.ZERO, WAIT, 1), (batch) -> {
			// answers nothing
		});
		long started = System.nanoTime();
		assertThatThrownBy(() -> this.batcher.write(1)).isInstanceOf(IllegalStateException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WAIT);
	}

	@Test
	void aStuckBatchEndsItsRequestsAfterTheWaitAsAnUnreachableDatabase() {
		CountDownLatch never = new CountDownLatch(1);
		Duration wait = Duration.ofMillis(300);
		this.batcher = new WriteBatches<>("test", limits(100, Duration.ZERO, wait, 1), (batch) -> awaitQuietly(never));
		long started = System.nanoTime();
		assertThatThrownBy(() -> this.batcher.write(1)).isInstanceOf(DataAccessResourceFailureException.class)
			.satisfies((thrown) -> assertThat(DatabaseFailures.unreachable(thrown)).isTrue());
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(took).isGreaterThanOrEqualTo(wait).isLessThan(Duration.ofSeconds(5));
		never.countDown();
	}

	@Test
	void aFullQueueRefusesAtOnceInsteadOfQueueing() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.batcher = new WriteBatches<>("test", new WriteBatches.Limits(100, Duration.ZERO, WAIT, 2, 1), (batch) -> {
			record(batch);
			firstStarted.countDown();
			awaitQuietly(release);
			batch.forEach((entry) -> entry.complete("ok"));
		});
		Future<String> first = this.pool.submit(() -> this.batcher.write(0));
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		Future<String> second = this.pool.submit(() -> this.batcher.write(1));
		Future<String> third = this.pool.submit(() -> this.batcher.write(2));
		await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 2);
		assertThatThrownBy(() -> this.batcher.write(3)).isInstanceOf(DataAccessResourceFailureException.class)
			.hasMessageContaining("Too many writes waiting");
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
		assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
	}

	@Test
	void aLingerGathersItemsArrivingShortlyAfterTheFirst() throws Exception {
		this.batcher = new WriteBatches<>("test", limits(3, Duration.ofSeconds(5), WAIT, 1), (batch) -> {
			record(batch);
			batch.forEach((entry) -> entry.complete("ok"));
		});
		List<Future<String>> written = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			int item = i;
			written.add(this.pool.submit(() -> this.batcher.write(item)));
			Thread.sleep(50);
		}
		for (Future<String> each : written) {
			assertThat(each.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
		}
		assertThat(this.batches).as("written together once the batch was full, not after the linger")
			.singleElement()
			.satisfies((batch) -> assertThat(batch).containsExactlyInAnyOrder(0, 1, 2));
	}

	@Test
	void closingWritesWhatIsQueuedAndRefusesLaterItems() throws Exception {
		HeldFirstBatch held = holdFirstBatch(100, (batch) -> {
			batch.forEach((entry) -> entry.complete("ok"));
		});
		Future<String> first = held.first();
		Future<String> queuedItem = this.pool.submit(() -> this.batcher.write(1));
		await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 1);
		Future<?> closing = this.pool.submit(this.batcher::close);
		held.release().countDown();
		closing.get(10, TimeUnit.SECONDS);
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
		assertThat(queuedItem.get(10, TimeUnit.SECONDS)).as("queued before closing, written").isEqualTo("ok");
		assertThatThrownBy(() -> this.batcher.write(2)).isInstanceOf(DataAccessResourceFailureException.class);
	}

	@Test
	void impossibleLimitsAreRefused() {
		assertThatThrownBy(() -> limits(0, Duration.ZERO, WAIT, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> limits(1, Duration.ZERO, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> limits(1, Duration.ofMillis(-1), WAIT, 1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> limits(1, Duration.ZERO, WAIT, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * A batcher whose first batch (item 0 alone) is held until {@code release()} counts down, so that
	 * the items a test sends meanwhile queue behind it; returns once that batch is being written.
	 */
	private HeldFirstBatch holdFirstBatch(int maxBatch, Consumer<List<WriteBatches.Entry<Integer, String>>> answer)
			throws InterruptedException {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch releaseFirst = new CountDownLatch(1);
		this.batcher = new WriteBatches<>("test", limits(maxBatch, Duration.ZERO, WAIT, 1), (batch) -> {
			record(batch);
			if (this.batches.size() == 1) {
				firstStarted.countDown();
				awaitQuietly(releaseFirst);
			}
			answer.accept(batch);
		});
		Future<String> first = this.pool.submit(() -> this.batcher.write(0));
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		return new HeldFirstBatch(first, releaseFirst);
	}

	private record HeldFirstBatch(Future<String> first, CountDownLatch release) {
	}

	private static WriteBatches.Limits limits(int maxBatch, Duration linger, Duration wait, int writers) {
		return new WriteBatches.Limits(maxBatch, linger, wait, 1024, writers);
	}

	private void record(List<WriteBatches.Entry<Integer, String>> batch) {
		this.batches.add(batch.stream().map(WriteBatches.Entry::item).toList());
	}

	private int queued() {
		return this.batcher.queued();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
