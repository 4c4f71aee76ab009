package org.safesteps.storage;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets the embedded server's writes through, or holds them back for a moment in which a backup
 * sees no write half done: on files while it takes its snapshot ({@link FileSnapshot}), on the
 * memory backend (tests), which has no snapshot, while it reads every collection. Writes share
 * the gate; a backup takes it alone, after the writes already inside have finished. Reads never
 * pass through it.
 */
final class WriteGate {

	private final ReadWriteLock lock = new ReentrantReadWriteLock(true);

	<T> T write(Supplier<T> write) {
		this.lock.readLock().lock();
		try {
			return write.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	<T> T closed(Supplier<T> work) {
		this.lock.writeLock().lock();
		try {
			return work.get();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

}
