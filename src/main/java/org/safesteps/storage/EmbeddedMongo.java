package org.safesteps.storage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire-protocol server used when no {@code MONGODB_URI} is configured.
 * The file backend keeps its data under the data folder, which one instance at a time may own.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

	/**
	 * Threads answering the driver's connections. A write waits on its connection's thread until
	 * its group commit is on disk, and writes can only share a commit if they wait on different
	 * threads: with the server's default (2 per core) a busy 2-core machine would batch at most 4
	 * writes per sync. Enough for the app's request threads ({@code server.tomcat.threads.max});
	 * an idle one costs a parked thread.
	 */
	private static final int EVENT_LOOPS = 64;

	/**
	 * Where H2 splits a page, by its count of the page's memory (a document counts as its BSON bytes,
	 * {@link BsonDocumentType#getMemory}, its key as H2 counts it): a page holds a few documents
	 * instead of a dozen or more, so a commit rewrites less with each changed document. Measured
	 * ({@code PageCacheTest}): 4 attempts or 8 learners a page.
	 */
	static final int PAGE_SPLIT_BYTES = 7 * 1024;

	private final StorageProperties properties;

	private final WriteGate gate = new WriteGate();

	private MongoServer server;

	private MongoBackend backend;

	private FileChannel lockChannel;

	private FileLock lock;

	private InetSocketAddress address;

	public EmbeddedMongo(StorageProperties properties) {
		this.properties = properties;
	}

	/** Starts the server, binding to 127.0.0.1; a stopped server restarts on the same port. */
	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		if (this.backend == null) {
			this.backend = openBackend();
		}
		MongoServer started = new MongoServer(survivesServerShutdown(this.backend));
		int port = (this.address != null) ? this.address.getPort() : this.properties.embeddedPort();
		started.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1, EVENT_LOOPS);
		this.server = started;
		this.address = started.getLocalAddress();
		log.info("Embedded MongoDB ({} backend) listening on {}", this.properties.embeddedBackend(), this.address);
	}

	/**
	 * Closes the port and every client connection but keeps the data, as if the database server
	 * went away. Used by fault tests; {@link #start()} brings it back on the same port.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.shutdownNow();
			this.server = null;
		}
	}

	/** A server's shutdown closes its backend; this one must outlive a stop so start can reuse it. */
	private static MongoBackend survivesServerShutdown(MongoBackend backend) {
		return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
				new Class<?>[] { MongoBackend.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						return null;
					}
					try {
						return method.invoke(backend, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Runs {@code reader} on {@code database} as it was at one moment. On files, writes wait only
	 * while the snapshot is taken ({@link FileSnapshot}); on the memory backend (tests), which has
	 * no snapshot, they wait until {@code reader} returns.
	 */
	<T> T atOneMoment(com.mongodb.client.MongoDatabase database, Function<ConsistentReads.Snapshot, T> reader) {
		MVStore store = IndexingBackends.storeOf(openedBackend());
		if (store == null) {
			return this.gate.closed(() -> reader.apply(new DriverSnapshot(database, null)));
		}
		try (FileSnapshot snapshot = this.gate.closed(() -> FileSnapshot.take(store, database.getName()))) {
			return reader.apply(snapshot);
		}
	}

	private synchronized MongoBackend openedBackend() {
		return this.backend;
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	public String connectionString(String database) {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort() + "/" + database;
	}

	private MongoBackend openBackend() {
		if (this.properties.embeddedBackend() == StorageProperties.Backend.MEMORY) {
			return IndexingBackends.memory(this.gate);
		}
		Path dir = this.properties.dataDir().toAbsolutePath().normalize();
		lockDataFolder(dir);
		// H2Backend(String) opens the store with H2's defaults (a 16 MB page cache); a full table of
		// learners or progress does not fit, and every page read again is decoded again.
		// Smaller pages than H2's 16 KB (PAGE_SPLIT_BYTES): a commit rewrites every page it changed
		// whole, so with a dozen documents a page a quiz's progress update or a rate-limit bucket
		// re-encoded its neighbours with it, and a page read back from the file decoded as many
		// (docs/performance.md, "The quiz submission profiled again").
		MVStore store = openStore(dir.resolve("safesteps.mv"), this.properties.embeddedCacheMb());
		return IndexingBackends.files(store, this.gate);
	}

	/**
	 * The file backend's store: a page cache of {@code cacheMb} (H2 counts each cached document as its
	 * BSON bytes, {@link BsonDocumentType#getMemory}) that lets go of a page when a change replaces
	 * it ({@link ReleasingFileStore}), pages split at {@link #PAGE_SPLIT_BYTES}.
	 */
	static MVStore openStore(Path file, int cacheMb) {
		Map<String, Object> config = new HashMap<>();
		config.put("cacheSize", Math.max(1, cacheMb));
		config.put("pageSplitSize", PAGE_SPLIT_BYTES);
		ReleasingFileStore fileStore = new ReleasingFileStore(config);
		fileStore.open(file.toString(), false, null);
		try {
			// adopted: closing the store closes the file
			return new MVStore.Builder().adoptFileStore(fileStore).open();
		}
		catch (RuntimeException ex) {
			fileStore.close();
			throw ex;
		}
	}

	private void lockDataFolder(Path dir) {
		try {
			Files.createDirectories(dir);
			this.lockChannel = FileChannel.open(dir.resolve("safesteps.lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			this.lock = this.lockChannel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			this.lock = null;
		}
		catch (IOException ex) {
			throw new DataFolderUnusableException(dir, ex);
		}
		if (this.lock == null) {
			closeQuietly();
			throw new DataFolderInUseException(dir);
		}
	}

	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.shutdownNow();
			this.server = null;
		}
		if (this.backend != null) {
			this.backend.close();
			this.backend = null;
		}
		closeQuietly();
	}

	private void closeQuietly() {
		try {
			if (this.lock != null) {
				this.lock.release();
			}
			if (this.lockChannel != null) {
				this.lockChannel.close();
			}
		}
		catch (IOException ex) {
			log.debug("Could not release the data folder lock", ex);
		}
		this.lock = null;
		this.lockChannel = null;
	}

}
