package org.safesteps.storage;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;

/**
 * An index's key names, listed once, and a document's key values for keys that are plain field
 * names. The server's {@code Index} lists its key names anew on every call and finds every key's
 * value by splitting it as a path with a regular expression; every document filed, removed or
 * updated, and every query, passed through both, about 6% of what a quiz submission allocated
 * (docs/performance.md, "Stop 29"). {@link #plainValues} gives what the server's
 * {@code getKeyValues} gives, or hands back to it (a key is a path, a value is a list or a document).
 */
final class IndexKeys {

	private final List<String> names;

	/** Every key a plain field name: not a path, not {@code $}. */
	private final boolean plain;

	IndexKeys(List<IndexKey> keys) {
		this.names = keys.stream().map(IndexKey::getKey).toList();
		this.plain = this.names.stream().noneMatch((name) -> name.contains(".") || name.equals("$"));
	}

	/** The key names in the index's order (the server's {@code keys()}). */
	List<String> names() {
		return this.names;
	}

	/** The document's key values: the plain way where it applies, else {@code serversWay}. */
	Set<KeyValue> valuesOf(Document document, Function<Document, Set<KeyValue>> serversWay) {
		Set<KeyValue> plain = plainValues(document);
		return (plain != null) ? plain : serversWay.apply(document);
	}

	/**
	 * The document's key values as the server's {@code Index.getKeyValues} gives them, or null where
	 * only the server's own way is right: a key that is a path, or a value that is a list (one entry
	 * a list element) or a document (normalised inside).
	 */
	Set<KeyValue> plainValues(Document document) {
		if (!this.plain) {
			return null;
		}
		Object[] values = new Object[this.names.size()];
		for (int i = 0; i < values.length; i++) {
			Object value = document.getOrMissing(this.names.get(i));
			if (value instanceof Collection || value instanceof Map) {
				return null;
			}
			values[i] = normalized(value);
		}
		return Set.of(new KeyValue(Arrays.asList(values)));
	}

	/** The server's {@code Utils.normalizeValue} of a value that is neither a list nor a document. */
	static Object normalized(Object value) {
		if (Missing.isNullOrMissing(value)) {
			return null;
		}
		if (value instanceof Long number && number.longValue() != (long) number.doubleValue()) {
			return value;
		}
		if (value instanceof Number number) {
			double result = number.doubleValue();
			return (result == 0.0) ? Double.valueOf(0.0) : Double.valueOf(result);
		}
		return value;
	}

}
