package org.safesteps.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Group commit on the client side: request threads hand in an item each and wait; writer threads
 * take every item waiting at that moment (up to a maximum) and write them together, then answer
 * each request with its own result. While a batch is being written, the items arriving meanwhile
 * queue for the next one, so the batch grows with the load and an idle server waits for nothing
 * (one item, written at once, unless a linger is set).
 * <p>
 * Bounded everywhere: a request waits at most {@code timeout} and then fails as an unreachable database
 * does (the page answers 503, and sending again is safe because the writes are idempotent); a batch
 * that throws fails only its own items; the queue holds at most {@code capacity} items, beyond which
 * a request fails at once instead of queueing.
 *
 * @param <T> what a request hands in
 * @param <R> what it gets back
 */
final class WriteBatches<T, R> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WriteBatches.class);

	/** Writes one batch; completes or fails each entry (an entry left open fails). */
	@FunctionalInterface
	interface Writer<T, R> {

		void write(List<Entry<T, R>> batch);

	}

	/** Settings: the largest batch, how long a writer waits for more items, how long a request waits. */
	record Limits(int maxBatch, Duration linger, Duration timeout, int capacity, int writers) {

		Limits {
			if (maxBatch < 1 || capacity < 1 || writers < 1 || linger.isNegative() || timeout.isNegative()
					|| timeout.isZero()) {
				throw new IllegalArgumentException("Invalid batch limits: " + maxBatch + ", " + linger + ", " + timeout
						+ ", " + capacity + ", " + writers);
			}
		}

	}

	private final BlockingQueue<Entry<T, R>> queue;

	private final Limits limits;

	private final Writer<T, R> writer;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean closed;

	WriteBatches(String name, Limits limits, Writer<T, R> writer) {
		this.limits = limits;
		this.writer = writer;
		this.queue = new LinkedBlockingQueue<>(limits.capacity());
		for (int i = 0; i < limits.writers(); i++) {
			Thread thread = new Thread(this::run, name + "-" + (i + 1));
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/**
	 * Hands the item in and waits until its batch is written: its result, or the failure of its
	 * batch or of this item in it (rethrown as it was thrown, so callers tell an unreachable
	 * database from other failures as they would for a single write).
	 */
	R write(T item) {
		Entry<T, R> entry = new Entry<>(item);
		if (this.closed) {
			throw new DataAccessResourceFailureException("Writes are closing");
		}
		if (!this.queue.offer(entry)) {
			throw new DataAccessResourceFailureException("Too many writes waiting (" + this.limits.capacity() + ")");
		}
		try {
			return entry.result.get(this.limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new DataAccessResourceFailureException("Write not confirmed within " + this.limits.timeout(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while waiting for a write", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Items waiting for a writer. */
	int queued() {
		return this.queue.size();
	}

	private void run() {
		List<Entry<T, R>> batch = new ArrayList<>();
		while (true) {
			try {
				if (!take(batch)) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			try {
				this.writer.write(List.copyOf(batch));
			}
			catch (RuntimeException ex) {
				for (Entry<T, R> entry : batch) {
					entry.fail(ex);
				}
			}
			catch (Error ex) {
				// the writer thread stays: a lost writer would leave every later request to time out
				log.error("A batch of writes failed", ex);
				for (Entry<T, R> entry : batch) {
					entry.fail(new IllegalStateException("The batch could not be written", ex));
				}
			}
			for (Entry<T, R> entry : batch) {
				entry.fail(new IllegalStateException("The batch writer gave no result for this item"));
			}
			batch.clear();
		}
	}

	/** Fills the batch with what is waiting; false once closed with nothing left. */
	private boolean take(List<Entry<T, R>> batch) throws InterruptedException {
		Entry<T, R> first = null;
		while (first == null) {
			if (this.closed && this.queue.isEmpty()) {
				return false;
			}
			first = this.queue.poll(100, TimeUnit.MILLISECONDS);
		}
		batch.add(first);
		this.queue.drainTo(batch, this.limits.maxBatch() - batch.size());
		long lingerNanos = this.limits.linger().toNanos();
		if (lingerNanos > 0) {
			long deadline = System.nanoTime() + lingerNanos;
			while (batch.size() < this.limits.maxBatch() && !this.closed) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				Entry<T, R> next = this.queue.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					break;
				}
				batch.add(next);
				this.queue.drainTo(batch, this.limits.maxBatch() - batch.size());
			}
		}
		return true;
	}

	/** Writes what is queued, then stops the writers; later items are refused. */
	@Override
	public void close() {
		this.closed = true;
		for (Thread thread : this.threads) {
			try {
				thread.join(this.limits.timeout().toMillis() + 1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** One request's item in a batch, and its answer. */
	static final class Entry<T, R> {

		private final T item;

		private final CompletableFuture<R> result = new CompletableFuture<>();

		Entry(T item) {
			this.item = item;
		}

		T item() {
			return this.item;
		}

		/** Answers this item's request; the first answer counts. */
		void complete(R value) {
			this.result.complete(value);
		}

		/** Fails this item's request alone; the first answer counts. */
		void fail(RuntimeException failure) {
			this.result.completeExceptionally(failure);
		}

		boolean done() {
			return this.result.isDone();
		}

	}

}
