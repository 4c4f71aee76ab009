package org.safesteps.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.bson.RawBsonDocument;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;

/**
 * Every collection of one database in the file backend as it was at one moment, read while writes
 * go on: H2 never changes a page in place (a write makes new pages up to a new root), so the roots
 * of the collections' maps taken together are that moment's data for as long as they are kept.
 * Registering a use of the store's version keeps the file's chunks those pages live in from being
 * reused until {@link #close()} (as H2's own transactions do). Documents are stored as their BSON
 * bytes, which never change once stored ({@link BsonDocumentType}); each is given as those bytes.
 * <p>
 * The roots must be taken while no write is half done (a write changes a collection's documents,
 * then its size and indexes): the caller takes them with the {@link WriteGate} closed, which
 * lasts microseconds, where reading every collection with it closed lasted seconds.
 */
final class FileSnapshot implements ConsistentReads.Snapshot, AutoCloseable {

	private final MVStore store;

	private final MVStore.TxCounter use;

	private final Map<String, Root> collections;

	private FileSnapshot(MVStore store, MVStore.TxCounter use, Map<String, Root> collections) {
		this.store = store;
		this.use = use;
		this.collections = collections;
	}

	/** Takes the roots of {@code database}'s collections now; call with writes held back, close when read. */
	static FileSnapshot take(MVStore store, String database) {
		MVStore.TxCounter use = store.registerVersionUsage();
		try {
			String prefix = IndexingBackends.DATA_PREFIX + database + ".";
			Map<String, Root> collections = new TreeMap<>();
			for (String mapName : store.getMapNames()) {
				if (!mapName.startsWith(prefix) || mapName.startsWith(prefix + "system.")) {
					continue;
				}
				MVMap<Object, Object> map = store.openMap(mapName, IndexingBackends.keptDocuments());
				collections.put(mapName.substring(prefix.length()), new Root(map, map.flushAndGetRoot()));
			}
			return new FileSnapshot(store, use, collections);
		}
		catch (RuntimeException ex) {
			store.deregisterVersionUsage(use);
			throw ex;
		}
	}

	@Override
	public List<String> collectionNames() {
		return new ArrayList<>(this.collections.keySet());
	}

	@Override
	public void forEach(String collection, Consumer<RawBsonDocument> action) {
		Root root = this.collections.get(collection);
		if (root == null) {
			return;
		}
		ByteBuf bson = Unpooled.buffer(1024);
		Cursor<Object, Object> cursor = root.cursor();
		while (cursor.hasNext()) {
			cursor.next();
			if (cursor.getValue() instanceof byte[] kept) {
				action.accept(new RawBsonDocument(kept));
				continue;
			}
			// a document the encoder refused is kept decoded; the backup's writer reports it
			bson.clear();
			BsonEncoder.encodeDocument((Document) cursor.getValue(), bson);
			action.accept(new RawBsonDocument(ByteBufUtil.getBytes(bson)));
		}
	}

	/** Lets the store reuse the space of pages only this snapshot still read. */
	@Override
	public void close() {
		this.store.deregisterVersionUsage(this.use);
	}

	private record Root(MVMap<Object, Object> map, RootReference<Object, Object> reference) {

		Cursor<Object, Object> cursor() {
			return this.map.cursor(this.reference, null, null, false);
		}

	}

}
