package org.safesteps.storage;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file backend stores a collection's documents: as BSON, the server's own wire format,
 * instead of H2's default {@link ObjectDataType}, which writes a document with Java serialisation
 * (class descriptors and all, for the document and every map, list and date in it).
 * <p>
 * <b>In memory too</b>, a document is kept as its BSON bytes ({@link #encode}), not as the decoded
 * {@code Document}: the map's values, and so the page cache, hold one {@code byte[]} a document
 * where a decoded document is a map of strings, boxed numbers and nested lists, 4 to 8 times the
 * bytes and dozens of objects. A commit rewrites every page it changed whole, and with decoded
 * values it encoded every document of each such page again; now it copies their bytes. The
 * collector no longer copies and scans each cached document's objects (docs/performance.md, "Stop
 * 29"). Each read decodes its own copy ({@link #decode}), so a document the server changes after
 * reading it is never the stored one ({@link CopyOnWriteH2Collection}).
 * <p>
 * No migration: each value in a page carries its own type tag, and this type writes a tag H2's
 * {@link ObjectDataType} never writes ({@link #TAG_BSON}). A value with any other tag was written by
 * the earlier format and is read by {@link ObjectDataType} (a document is then encoded to BSON as it
 * is read), so a data folder written before opens as it was, and its pages change format one at a
 * time as commits rewrite them. Going back to a version without this type needs the data exported
 * first (the older version cannot read BSON values). A document the BSON encoder refuses (none of
 * the server's own types is) is kept and written the earlier way.
 */
final class BsonDocumentType extends EarlierFormatType {

	/** A tag in a gap of {@link ObjectDataType}'s tags (0-19, 32-49, 64-119). */
	static final byte TAG_BSON = 60;

	/** Each thread's buffer to encode into, so that only the exact bytes are allocated per document. */
	private static final ThreadLocal<ByteBuf> BUFFER = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

	/** A buffer that grew beyond this for a large document is not kept. */
	private static final int MAX_KEPT_BUFFER = 64 * 1024;

	/** A {@code byte[]}'s header and length, then its bytes, padded to 8. */
	private static final int ARRAY_HEADER = 16;

	/**
	 * The document as the map keeps it: its BSON bytes, or the document itself if the encoder
	 * refuses one of its values.
	 */
	static Object encode(Document document) {
		ByteBuf bson = BUFFER.get().clear();
		try {
			BsonEncoder.encodeDocument(document, bson);
		}
		catch (RuntimeException ex) {
			return document;
		}
		finally {
			if (bson.capacity() > MAX_KEPT_BUFFER) {
				BUFFER.remove();
			}
		}
		return ByteBufUtil.getBytes(bson);
	}

	/**
	 * A copy of a kept document that the caller may change: decoded from its bytes, or a deep copy
	 * of a document kept the earlier way. {@code null} stays {@code null}.
	 */
	static Document decode(Object kept) {
		if (kept instanceof byte[] bson) {
			return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
		}
		return (kept == null) ? null : ((Document) kept).cloneDeeply();
	}

	/**
	 * H2's estimate of a value's memory, for bounding the page cache and splitting pages: a kept
	 * document's bytes as the heap holds them, so that {@code embedded-cache-mb} bounds the heap the
	 * cache holds. A document kept decoded (the encoder refused it) counts as the heap it takes
	 * decoded ({@link DocumentMemory}).
	 */
	@Override
	public int getMemory(Object value) {
		if (value instanceof byte[] bson) {
			return (ARRAY_HEADER + bson.length + 7) & ~7;
		}
		return (value instanceof Document document) ? DocumentMemory.of(document) : this.earlier.getMemory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		Object kept = (value instanceof Document document) ? encode(document) : value;
		if (kept instanceof byte[] bson) {
			buffer.put(TAG_BSON).putVarInt(bson.length).put(bson);
		}
		else {
			this.earlier.write(buffer, kept);
		}
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != TAG_BSON) {
			Object earlier = this.earlier.read(buffer);
			return (earlier instanceof Document document) ? encode(document) : earlier;
		}
		buffer.get();
		byte[] bson = new byte[DataUtils.readVarInt(buffer)];
		buffer.get(bson);
		return bson;
	}

}
