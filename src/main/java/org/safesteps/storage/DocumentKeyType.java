package org.safesteps.storage;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file backend stores a document's key (its {@code _id}) in the collection's map: an
 * ObjectId, the id of most documents (attempts, progress, classes), as a tag and its 12 bytes.
 * H2's default {@link ObjectDataType} does not know the server's ObjectId and writes it with Java
 * serialisation (101 bytes with its class descriptor, a new object stream per key): a commit rewrites
 * every page it changed whole, so each group commit serialised every key of those pages that way,
 * 39% of the time H2 spent writing pages under the quiz (docs/performance.md, "ObjectId keys
 * without Java serialisation"), and each page read from the file deserialised them.
 * <p>
 * Only how an ObjectId is written changes. Keys compare as {@link ObjectDataType} compares them, so
 * a map keeps its order, and count as it counts them once it has seen a few (twice their serialised
 * size), so pages split where they did. Any other key is {@link ObjectDataType}'s. No migration, as
 * with {@link BsonDocumentType}: a key written before carries another tag and is read the earlier
 * way; going back to a version without this type needs a backup taken before the upgrade.
 */
final class DocumentKeyType extends EarlierFormatType {

	/** A tag in a gap of {@link ObjectDataType}'s tags (0-19, 32-49, 64-119), beside {@link BsonDocumentType#TAG_BSON}. */
	static final byte TAG_OBJECT_ID = 61;

	/**
	 * What {@link ObjectDataType} counts for an ObjectId key in a page's memory: twice the size it
	 * serialises to (its running average settles there, starting from 10,000).
	 */
	static final int OBJECT_ID_MEMORY = 2 * ObjectDataType.serialize(new ObjectId()).length;

	/**
	 * Two ObjectIds compare by their bytes, as {@link ObjectDataType} ends up comparing them (through
	 * {@code Comparable}) after two rounds of testing their type against each of its own; that
	 * was a third of the samples in a quiz's document reads (each a binary search of a page's keys).
	 */
	@Override
	public int compare(Object a, Object b) {
		if (a instanceof ObjectId x && b instanceof ObjectId y) {
			return x.compareTo(y);
		}
		return this.earlier.compare(a, b);
	}

	@Override
	public int getMemory(Object key) {
		return (key instanceof ObjectId) ? OBJECT_ID_MEMORY : this.earlier.getMemory(key);
	}

	@Override
	public void write(WriteBuffer buffer, Object key) {
		if (key instanceof ObjectId id) {
			buffer.put(TAG_OBJECT_ID).put(id.toByteArray());
		}
		else {
			this.earlier.write(buffer, key);
		}
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != TAG_OBJECT_ID) {
			return this.earlier.read(buffer);
		}
		buffer.get();
		byte[] bytes = new byte[BsonConstants.LENGTH_OBJECTID];
		buffer.get(bytes);
		return new ObjectId(bytes);
	}

}
