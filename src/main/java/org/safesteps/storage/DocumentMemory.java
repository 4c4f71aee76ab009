package org.safesteps.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * The heap a document decoded by the embedded server takes, estimated from its structure: what H2
 * counts for each document in the file backend's page cache ({@code embedded-cache-mb}) and when it
 * decides to split a page ({@link BsonDocumentType#getMemory}).
 * <p>
 * A decoded document is a {@code LinkedHashMap} of its own key strings, value strings, boxed numbers,
 * {@code Instant}s and nested lists and documents: several times its BSON size (measured with the
 * server's own decoder, 50,000 documents of each shape kept and the heap compared after full
 * collections, JDK 17, compressed references: an attempt of six answers 715 bytes of BSON and 5,608 of
 * heap, 7.8 times; a learner 229 and 1,176, 5.1 times; a progress document 270 and 1,624, 6.0 times; a
 * rate-limit bucket 155 and 632, 4.1 times). The earlier estimate, twice the BSON size, let a cache
 * H2 counted as 64 MB hold up to 215 MB of them (docs/performance.md, "The embedded store's page
 * cache counted honestly"). This estimate gives those four measurements to the byte
 * ({@code DocumentMemoryTest}), follows each document's own shape (no average per collection), and
 * needs no history: a page read after a restart is counted right.
 * <p>
 * Sizes are those of a 64-bit HotSpot JVM with compressed references (heaps under 32 GB): a 12-byte
 * object header, 4-byte references, objects padded to 8 bytes, Latin-1 strings one byte a character.
 * It walks the document once; H2 asks for it on a sample of values only (its {@code MemoryEstimator}
 * keeps a sliding average per map and skips the call while the average holds).
 */
final class DocumentMemory {

	private static final int HEADER = 12;

	private static final int REF = 4;

	/** {@code Document}: its map's reference. */
	private static final int DOCUMENT = align(HEADER + REF);

	/** {@code LinkedHashMap}: table, entry set, key set, values, head, tail; four ints; a flag. */
	private static final int LINKED_HASH_MAP = align(HEADER + 6 * REF + 4 * 4 + 1);

	/** {@code LinkedHashMap.Entry}: hash, key, value, next, before, after. */
	private static final int ENTRY = align(HEADER + 4 + 5 * REF);

	/** {@code String}: its array, hash, coder, hash-is-zero. */
	private static final int STRING = align(HEADER + REF + 4 + 2);

	private static final int ARRAY_HEADER = 16;

	/** {@code Long}, {@code Double}, {@code Instant} (seconds and nanos), a {@code UUID}'s two longs. */
	private static final int EIGHT_BYTE_BOX = align(HEADER + 12);

	private static final int INTEGER = align(HEADER + 4);

	/** {@code ArrayList}: size, modCount, its array. */
	private static final int ARRAY_LIST = align(HEADER + 8 + REF);

	/** An {@code ArrayList}'s array once an element is added: room for ten. */
	private static final int LIST_FIRST_CAPACITY = 10;

	private DocumentMemory() {
	}

	static int of(Document document) {
		int size = DOCUMENT + LINKED_HASH_MAP;
		if (!document.isEmpty()) {
			size += array(tableLength(document.size()));
		}
		for (Map.Entry<String, Object> entry : document.entrySet()) {
			size += ENTRY + string(entry.getKey()) + value(entry.getValue());
		}
		return size;
	}

	private static int value(Object value) {
		if (value == null || value instanceof Boolean) {
			return 0; // shared instances
		}
		if (value instanceof String text) {
			return string(text);
		}
		if (value instanceof Document nested) {
			return of(nested);
		}
		if (value instanceof Integer number) {
			// Integer.valueOf shares the small ones (a score, a step, a count)
			return (number >= -128 && number <= 127) ? 0 : INTEGER;
		}
		if (value instanceof Long || value instanceof Double || value instanceof Instant || value instanceof UUID) {
			return EIGHT_BYTE_BOX;
		}
		if (value instanceof ObjectId) {
			return align(HEADER + REF) + align(ARRAY_HEADER + 12);
		}
		if (value instanceof BinData binary) {
			return align(HEADER + REF) + align(ARRAY_HEADER + binary.getData().length);
		}
		if (value instanceof byte[] bytes) {
			return align(ARRAY_HEADER + bytes.length);
		}
		if (value instanceof Collection<?> list) {
			// the decoder adds elements one by one: ten slots, then half as many again at each growth
			int slots = 0;
			if (!list.isEmpty()) {
				slots = LIST_FIRST_CAPACITY;
				while (slots < list.size()) {
					slots += slots >> 1;
				}
			}
			int size = ARRAY_LIST + array(slots);
			for (Object element : list) {
				size += value(element);
			}
			return size;
		}
		return align(HEADER + 2 * REF + 8); // the server's rarer types (Decimal128, timestamps, patterns)
	}

	private static int string(String text) {
		int length = text.length();
		int bytesPerChar = 1;
		for (int i = 0; i < length; i++) {
			if (text.charAt(i) > 0xFF) {
				bytesPerChar = 2;
				break;
			}
		}
		return STRING + align(ARRAY_HEADER + bytesPerChar * length);
	}

	/** A {@code HashMap}'s table: a power of two, at least 16, filled to at most three quarters. */
	private static int tableLength(int entries) {
		int length = 16;
		while (length * 3 / 4 < entries) {
			length <<= 1;
		}
		return length;
	}

	private static int array(int slots) {
		return (slots == 0) ? 0 : align(ARRAY_HEADER + REF * slots);
	}

	private static int align(int bytes) {
		return (bytes + 7) & ~7;
	}

}
