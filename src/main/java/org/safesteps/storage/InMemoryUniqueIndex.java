package org.safesteps.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index of the file backend kept in memory, as the memory backend keeps its own, and
 * rebuilt from the documents when the server opens the collection (like {@link SecondaryIndex}).
 * <p>
 * The file backend's own unique index is a sorted map in the H2 file whose keys H2 can only
 * compare by deserialising them, twice per comparison: every insert (the {@code _id} and each
 * unique key checked) and every lookup by a unique key (a learner by token, progress by learner
 * and module) paid about twenty such comparisons and read index pages from the file. This one is
 * a hash map: the same checks, the same answers, none of that work. The documents stay in the file.
 *
 * @param <P> the backend's document position
 */
final class InMemoryUniqueIndex<P> extends AbstractUniqueIndex<P> {

	/** Stands for a null (or missing) value as a key of {@link #positions}, which takes no null. */
	private static final Object NULL_KEY = new Object();

	/**
	 * Positions by key: for a single-key index the key's value itself (a canonical UUID string as a
	 * {@link UuidText}), else its {@link KeyValue}. A {@code KeyValue} holds a list of its values,
	 * about 64 bytes per document beside the value, and two of these indexes hold every attempt
	 * (docs/performance.md, "Smaller index entries").
	 */
	private final Map<Object, P> positions = new ConcurrentHashMap<>();

	private final IndexKeys keys;

	InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.keys = new IndexKeys(keys);
	}

	@Override
	protected List<String> keys() {
		return this.keys.names();
	}

	@Override
	public Set<KeyValue> getKeyValues(Document document) {
		return this.keys.valuesOf(document, super::getKeyValues);
	}

	/**
	 * Also a query that gives each of this index's keys a plain value beside other conditions, such
	 * as a compare-and-swap's {@code {_id: x, state: y}} or a quiz's progress upsert
	 * {@code {learnerId, moduleId, countedSubmissions: {$ne: id}}}, top-level or inside a top-level
	 * {@code $and} (the Java driver writes {@code Filters.and(eq(..), eq(..))} as {@code $and}, which is
	 * how the rate-limit buckets' swap arrives): the server's own check wants the query's keys to be
	 * exactly the index's, so each such update read the whole collection (every rate-limit check,
	 * docs/performance.md), or, for a compound index, every document its companion over the leading
	 * keys found (each progress document of the learner). The server applies the whole query to the
	 * document found, so the other conditions still hold.
	 */
	@Override
	public synchronized boolean canHandle(Document query) {
		return super.canHandle(query) || plainValues(query) != null;
	}

	@Override
	public synchronized Iterable<P> getPositions(Document query) {
		if (super.canHandle(query)) {
			return super.getPositions(query);
		}
		P position = getPosition(new KeyValue(plainValues(query)).normalized());
		return (position != null) ? List.of(position) : List.of();
	}

	/** The plain values the query gives this index's keys, in their order; null unless it gives each one. */
	private List<Object> plainValues(Document query) {
		List<Object> values = new ArrayList<>(keys().size());
		for (String key : keys()) {
			Object value = plainValue(query, key);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return values;
	}

	/** The plain value the query gives a key, at the top or in a top-level $and; else null. */
	private static Object plainValue(Document query, String key) {
		if (query.containsKey(key)) {
			return isPlain(query.get(key)) ? query.get(key) : null;
		}
		if (query.get("$and") instanceof Collection<?> all) {
			for (Object each : all) {
				if (each instanceof Document part && part.containsKey(key) && isPlain(part.get(key))) {
					return part.get(key);
				}
			}
		}
		return null;
	}

	private static boolean isPlain(Object value) {
		return value != null && !(value instanceof Document) && !(value instanceof Collection<?>)
				&& !BsonRegularExpression.isRegularExpression(value);
	}

	@Override
	public long getCount() {
		return this.positions.size();
	}

	@Override
	public boolean isEmpty() {
		return this.positions.isEmpty();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	protected P removeDocument(KeyValue keyValue) {
		return this.positions.remove(key(keyValue));
	}

	@Override
	protected boolean putKeyPosition(KeyValue keyValue, P position) {
		return this.positions.putIfAbsent(key(keyValue), position) == null;
	}

	@Override
	protected P getPosition(KeyValue keyValue) {
		return this.positions.get(key(keyValue));
	}

	@Override
	protected Iterable<Entry<KeyValue, P>> getIterable() {
		return this.positions.entrySet()
			.stream()
			.map((entry) -> Map.entry(keyValue(entry.getKey()), entry.getValue()))
			.toList();
	}

	/**
	 * The key of {@link #positions} for a key value: equal exactly when the key values are equal. A
	 * canonical UUID string (a submission id) is kept as its bits ({@link UuidText}).
	 */
	private static Object key(KeyValue keyValue) {
		if (keyValue.size() != 1) {
			return keyValue;
		}
		Object value = keyValue.get(0);
		return (value != null) ? UuidText.compact(value) : NULL_KEY;
	}

	private static KeyValue keyValue(Object key) {
		if (key instanceof KeyValue keyValue) {
			return keyValue;
		}
		Object value = (key instanceof UuidText text) ? text.toString() : key;
		return new KeyValue(Collections.singletonList((value != NULL_KEY) ? value : null));
	}

	@Override
	public void drop() {
		this.positions.clear();
	}

}
