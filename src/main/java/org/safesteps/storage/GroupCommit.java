package org.safesteps.storage;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import de.bwaldvogel.mongo.exception.MongoServerException;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the file backend's writes durable before they are acknowledged, sharing one commit and one
 * sync among the writes that arrive together (group commit).
 * <p>
 * A writing thread applies its change to the store's maps, then calls {@link #awaitDurable()}: it
 * takes a ticket and waits. One committer thread repeatedly takes the newest ticket, commits the
 * store (a new chunk written to the file), waits for H2's own background writer to finish any chunk
 * it had started, forces the file to disk, and releases every ticket up to the one it took. A
 * ticket is taken after its write was applied, so the commit that starts after it includes that
 * write; tickets taken during a commit are released together by the next one. So N writes waiting
 * at once cost one commit and one {@code fsync}, not N.
 * <p>
 * If a commit or a sync fails (a full disk, a vanished folder) the waiting writes fail with
 * {@link NotDurableException}: the client sees an error, never an acknowledgement.
 */
final class GroupCommit implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** A commit and sync slower than this is logged: writes waiting for it are close to their time budget. */
	private static final long SLOW_MS = 250;

	private final MVStore store;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition requested = this.lock.newCondition();

	private final Condition done = this.lock.newCondition();

	private final Thread committer;

	/** Tickets handed out: each write that wants to be durable takes the next one. */
	private long lastTicket;

	/** Every ticket up to this one is on disk. */
	private long durableTicket;

	/** Every ticket up to this one has had its commit: on disk, or failed if above {@link #durableTicket}. */
	private long settledTicket;

	private RuntimeException failure;

	private boolean closed;

	private long commits;

	GroupCommit(MVStore store) {
		this.store = store;
		this.committer = new Thread(this::run, "safesteps-group-commit");
		this.committer.setDaemon(true);
		this.committer.start();
	}

	/** Returns once everything written before this call is committed and forced to disk. */
	void awaitDurable() {
		this.lock.lock();
		try {
			if (this.closed) {
				throw new NotDurableException("the database is closing", null);
			}
			long ticket = ++this.lastTicket;
			this.requested.signal();
			boolean interrupted = false;
			while (this.settledTicket < ticket && !this.closed) {
				try {
					this.done.await();
				}
				catch (InterruptedException ex) {
					// the write is applied; it must not be acknowledged before it is on disk, so keep waiting
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (this.durableTicket < ticket) {
				throw new NotDurableException("the write could not be saved to disk", this.failure);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Commits and syncs done so far; each one released every write waiting for it. */
	long commits() {
		this.lock.lock();
		try {
			return this.commits;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void run() {
		while (true) {
			long target;
			this.lock.lock();
			try {
				while (!this.closed && this.lastTicket == this.settledTicket) {
					this.requested.awaitUninterruptibly();
				}
				if (this.closed) {
					return;
				}
				target = this.lastTicket;
			}
			finally {
				this.lock.unlock();
			}
			RuntimeException error = null;
			long started = System.nanoTime();
			try {
				this.store.commit();
				long committed = System.nanoTime();
				// commit() returns at once when H2's background writer has just taken the changes;
				// this drains that writer's chunk too, then forces the file
				this.store.executeFilestoreOperation(() -> this.store.getFileStore().sync());
				logIfSlow(started, committed, System.nanoTime());
			}
			catch (RuntimeException ex) {
				log.error("Could not save writes to the data folder", ex);
				error = ex;
			}
			this.lock.lock();
			try {
				if (error == null) {
					this.durableTicket = Math.max(this.durableTicket, target);
					this.settledTicket = Math.max(this.settledTicket, target);
					this.commits++;
				}
				else {
					this.failure = error;
					this.settledTicket = Math.max(this.settledTicket, target);
				}
				this.done.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private void logIfSlow(long started, long committed, long synced) {
		long totalMs = TimeUnit.NANOSECONDS.toMillis(synced - started);
		if (totalMs >= SLOW_MS) {
			log.warn("Saving to the data folder took {} ms (commit {} ms, sync {} ms)", totalMs,
					TimeUnit.NANOSECONDS.toMillis(committed - started), TimeUnit.NANOSECONDS.toMillis(synced - committed));
		}
	}

	/** Stops the committer after its current commit; writes still waiting fail (the store is closing). */
	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.requested.signalAll();
			this.done.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		try {
			this.committer.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A write was applied in memory but could not be made durable, so it must not be acknowledged. */
	static final class NotDurableException extends MongoServerException {

		NotDurableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
