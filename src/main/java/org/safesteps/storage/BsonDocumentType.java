package org.safesteps.storage;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the file backend stores a collection's documents: as BSON, the server's own wire format,
 * instead of H2's default {@link ObjectDataType}, which writes a document with Java serialisation
 * (class descriptors and all, for the document and every map, list and date in it). A commit rewrites
 * every page it changed whole, so each group commit serialised every document sharing a page with a
 * changed one; Java serialisation of those was the largest single cost of a quiz submission on the
 * embedded server (docs/performance.md, "The quiz submission profiled again (branch s25-quiz)").
 * <p>
 * No migration: each value in a page carries its own type tag, and this type writes a tag H2's
 * {@link ObjectDataType} never writes ({@link #TAG_BSON}). A value with any other tag was written by
 * the earlier format and is read by {@link ObjectDataType}, so a data folder written before opens as
 * it was, and its pages change format one at a time as commits rewrite them. Going back to a version
 * without this type needs the data exported first (the older version cannot read BSON values). A
 * value the BSON encoder refuses (none of the server's own types is) is written the earlier way.
 */
final class BsonDocumentType extends EarlierFormatType {

	/** A tag in a gap of {@link ObjectDataType}'s tags (0-19, 32-49, 64-119). */
	static final byte TAG_BSON = 60;

	/**
	 * H2's estimate of a document's memory, for bounding the page cache and splitting pages: the heap
	 * the decoded document takes ({@link DocumentMemory}), so that {@code embedded-cache-mb} bounds
	 * the heap the cache holds. It was twice a running average of the BSON size written (as
	 * {@link ObjectDataType} counts serialised values), while a decoded document takes four to eight
	 * times its BSON size: the cache held two to four times its nominal size.
	 */
	@Override
	public int getMemory(Object value) {
		return (value instanceof Document document) ? DocumentMemory.of(document) : this.earlier.getMemory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		if (!(value instanceof Document document)) {
			this.earlier.write(buffer, value);
			return;
		}
		ByteBuf bson = Unpooled.buffer(256);
		try {
			BsonEncoder.encodeDocument(document, bson);
		}
		catch (RuntimeException ex) {
			this.earlier.write(buffer, value);
			return;
		}
		int length = bson.readableBytes();
		buffer.put(TAG_BSON).putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != TAG_BSON) {
			return this.earlier.read(buffer);
		}
		buffer.get();
		int length = DataUtils.readVarInt(buffer);
		ByteBuf bson;
		if (buffer.hasArray()) {
			bson = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
			buffer.position(buffer.position() + length);
		}
		else {
			byte[] bytes = new byte[length];
			buffer.get(bytes);
			bson = Unpooled.wrappedBuffer(bytes);
		}
		return BsonDecoder.decodeBson(bson);
	}

}
