package org.safesteps.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index for the embedded server, which otherwise accepts such indexes but ignores
 * them, so that every query not matching a unique index exactly reads the whole collection. Kept in
 * memory and rebuilt from the documents when the server opens the collection; a real MongoDB uses
 * its own indexes and never sees this class.
 * <p>
 * It answers queries that give a plain value (no operator, array, sub-document or null) for the
 * first key, or for the first few keys, of the index, as a real MongoDB uses an index prefix; the
 * server then applies the whole query to the documents found, so other conditions still hold. Each
 * prefix has its own map from key values to positions ({@link Positions}), kept in the order the
 * documents were filed (as a real MongoDB returns the documents of one key; a query without a sort
 * promises no order anyway). Reported as sparse, like the server's placeholder for these indexes,
 * so that index descriptions stored by earlier versions still match.
 * <p>
 * A single-key index also answers a range ({@code $lt}, {@code $lte}, {@code $gt}, {@code $gte}
 * with plain values) on its key, from its key values in order, kept from the first range asked for
 * on (an index never asked for one, such as the learner index of attempts, spends nothing on
 * ordering its keys): the sweep of refilled rate-limit
 * buckets ({@code expiresAt < now}) otherwise read every bucket of the collection while holding
 * the collection, and every bucket check waited behind it (docs/performance.md, "The burst's
 * rate-limit checks again"). Positions are returned for the bounds taken inclusively; the server's
 * own matching then keeps exactly the documents MongoDB would (which compares only values of one
 * type, so the documents whose key is absent, null or not a plain value, never filed here, cannot
 * match).
 */
final class SecondaryIndex<P> extends Index<P> {

	private static final Set<String> RANGE_OPERATORS = Set.of("$lt", "$lte", "$gt", "$gte");

	/** Per prefix length (1..keys): key values of that prefix -> positions of the documents having them. */
	private final List<Map<KeyValue, Positions<P>>> prefixes = new ArrayList<>();

	/**
	 * A single-key index's plain key values in the server's order -> positions, for ranges; null
	 * until the first range query, and always for compound indexes.
	 */
	private NavigableMap<Object, Positions<P>> ordered;

	/**
	 * A filed document's position computed from the document itself, where the backend derives
	 * positions from documents (the file backend's position is the document's id); null where it does
	 * not (the memory backend numbers documents as they come), and then {@link #filed} keeps them.
	 */
	private final Function<Document, P> positionOf;

	/**
	 * The position of each document filed here whose position {@link #positionOf} does not give (all
	 * of them without it), by its id as the server compares ids. The key values a document was filed
	 * under are not kept: they are computed again from the document when it is taken out, which the
	 * server hands over as it was filed (its own indexes rely on that too). Keeping them held a
	 * {@code KeyValue} and the document's own copies of its key's strings per document and index
	 * (docs/performance.md, "Smaller index entries"); keeping each attempt's position by id in two
	 * indexes held two map entries more (docs/performance.md, "Stop 31").
	 */
	private final Map<Object, P> filed = new HashMap<>();

	/** Documents filed here. */
	private long count;

	private final IndexKeys keys;

	/** An index whose documents' positions it keeps itself (the memory backend's numbers). */
	SecondaryIndex(String name, List<IndexKey> keys) {
		this(name, keys, null);
	}

	/** An index that computes a document's position from the document with {@code positionOf}, null if it cannot. */
	SecondaryIndex(String name, List<IndexKey> keys, Function<Document, P> positionOf) {
		super(name, keys, true);
		this.keys = new IndexKeys(keys);
		this.positionOf = positionOf;
		for (int i = 0; i < keys.size(); i++) {
			this.prefixes.add(new HashMap<>());
		}
	}

	@Override
	protected List<String> keys() {
		return this.keys.names();
	}

	@Override
	public Set<KeyValue> getKeyValues(Document document) {
		return this.keys.valuesOf(document, super::getKeyValues);
	}

	@Override
	public P getPosition(Document document) {
		// many documents share a key: this index cannot name the one position of a document
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: any document may be added
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		Set<KeyValue> keyValues = getKeyValues(document);
		// filed before (the server never does that without removing it first): its positions may be held already
		boolean again = !derived(document, position) && this.filed.put(id(document), position) != null;
		if (!again) {
			this.count++;
		}
		for (KeyValue keyValue : keyValues) {
			for (int length = 1; length <= keyValue.size(); length++) {
				file(this.prefixes.get(length - 1).computeIfAbsent(prefix(keyValue, length), (key) -> new Positions<>()),
						position, again);
			}
			if (this.ordered != null && isOrderedValue(keyValue.get(0))) {
				file(this.ordered.computeIfAbsent(keyValue.get(0), (key) -> new Positions<>()), position, again);
			}
		}
	}

	/**
	 * Adds the position once. Within one call of {@link #add}, a set can only have been given this
	 * position last (an array key gives a prefix more than once), so the last one is all there is to
	 * check, unless the document was filed before.
	 */
	private static <P> void file(Positions<P> positions, P position, boolean again) {
		if (again) {
			positions.addIfAbsent(position);
		}
		else if (!positions.endsWith(position)) {
			positions.add(position);
		}
	}

	@Override
	public synchronized P remove(Document document) {
		return unfile(document);
	}

	@Override
	public synchronized boolean canHandle(Document query) {
		return equalities(query).containsKey(keys().get(0)) || range(query) != null;
	}

	@Override
	public synchronized Iterable<P> getPositions(Document query) {
		Map<String, Object> equalities = equalities(query);
		if (!equalities.containsKey(keys().get(0))) {
			return inRange(range(query));
		}
		List<Object> values = new ArrayList<>();
		for (String key : keys()) {
			if (!equalities.containsKey(key)) {
				break;
			}
			values.add(equalities.get(key));
		}
		Positions<P> positions = this.prefixes.get(values.size() - 1).get(new KeyValue(values).normalized());
		return (positions == null) ? List.of() : positions.toList();
	}

	/**
	 * The fields every matching document must equal, with their values: top-level conditions and
	 * those inside a top-level {@code $and} (the driver writes {@code and(eq(..), in(..))} that way).
	 */
	private static Map<String, Object> equalities(Document query) {
		Map<String, Object> equalities = new HashMap<>();
		for (Map.Entry<String, Object> condition : query.entrySet()) {
			if (condition.getKey().equals("$and") && condition.getValue() instanceof Collection<?> all) {
				for (Object each : all) {
					if (each instanceof Document part) {
						part.forEach((key, value) -> addEquality(equalities, key, value));
					}
				}
			}
			else {
				addEquality(equalities, condition.getKey(), condition.getValue());
			}
		}
		return equalities;
	}

	/**
	 * The key's condition when it is a range this index answers: only comparison operators, each
	 * with a plain value; null if there is none or the index has more than one key.
	 */
	private Document range(Document query) {
		if (keys().size() != 1) {
			return null;
		}
		Object condition = query.get(keys().get(0));
		if (!(condition instanceof Document operators) || operators.isEmpty()) {
			return null;
		}
		for (Map.Entry<String, Object> operator : operators.entrySet()) {
			if (!RANGE_OPERATORS.contains(operator.getKey()) || !isOrderedValue(operator.getValue())) {
				return null;
			}
		}
		return operators;
	}

	/** The key values in order, made from the first prefix's map when first needed; kept up to date after that. */
	private NavigableMap<Object, Positions<P>> ordered() {
		if (this.ordered == null) {
			this.ordered = new TreeMap<>(ValueComparator.asc());
			this.prefixes.get(0).forEach((keyValue, positions) -> {
				if (isOrderedValue(keyValue.get(0))) {
					Positions<P> target = this.ordered.computeIfAbsent(keyValue.get(0), (key) -> new Positions<>());
					boolean fresh = target.isEmpty();
					positions.toList().forEach((position) -> file(target, position, !fresh));
				}
			});
		}
		return this.ordered;
	}

	/** Positions of the key values between the range's bounds (taken inclusively: the server filters exactly). */
	private List<P> inRange(Document range) {
		Object lowest = null;
		Object highest = null;
		for (Map.Entry<String, Object> operator : range.entrySet()) {
			Object bound = operator.getValue();
			if (operator.getKey().startsWith("$g")) {
				lowest = (lowest == null || ValueComparator.asc().compare(bound, lowest) > 0) ? bound : lowest;
			}
			else {
				highest = (highest == null || ValueComparator.asc().compare(bound, highest) < 0) ? bound : highest;
			}
		}
		NavigableMap<Object, Positions<P>> between = ordered();
		if (lowest != null && highest != null && ValueComparator.asc().compare(lowest, highest) > 0) {
			return List.of();
		}
		if (lowest != null) {
			between = between.tailMap(lowest, true);
		}
		if (highest != null) {
			between = between.headMap(highest, true);
		}
		List<P> positions = new ArrayList<>();
		between.values().forEach((each) -> each.addTo(positions));
		return positions;
	}

	private static void addEquality(Map<String, Object> equalities, String key, Object value) {
		if (!key.startsWith("$") && isPlainValue(value)) {
			// two different values for one field match nothing; either one still finds a superset
			equalities.putIfAbsent(key, value);
		}
	}

	@Override
	public synchronized long getCount() {
		return this.count;
	}

	@Override
	public synchronized long getDataSize() {
		return 0;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// not unique: any change is allowed
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
			unfile(oldDocument);
			add(newDocument, position, collection);
		}
	}

	@Override
	public synchronized void drop() {
		this.prefixes.forEach(Map::clear);
		if (this.ordered != null) {
			this.ordered.clear();
		}
		this.filed.clear();
		this.count = 0;
	}

	/**
	 * Takes the document out of this index: its position, or null if it was not filed here (known
	 * only of documents kept in {@link #filed}: the server takes out only documents it filed).
	 */
	private P unfile(Document document) {
		P removed = this.filed.isEmpty() ? null : this.filed.remove(id(document));
		if (removed == null) {
			removed = (this.positionOf != null) ? this.positionOf.apply(document) : null;
			if (removed == null) {
				return null;
			}
		}
		this.count--;
		for (KeyValue keyValue : getKeyValues(document)) {
			for (int length = 1; length <= keyValue.size(); length++) {
				Map<KeyValue, Positions<P>> map = this.prefixes.get(length - 1);
				KeyValue key = prefix(keyValue, length);
				Positions<P> positions = map.get(key);
				if (positions != null) {
					positions.remove(removed);
					if (positions.isEmpty()) {
						map.remove(key);
					}
				}
			}
			if (this.ordered != null && isOrderedValue(keyValue.get(0))) {
				Positions<P> positions = this.ordered.get(keyValue.get(0));
				if (positions != null) {
					positions.remove(removed);
					if (positions.isEmpty()) {
						this.ordered.remove(keyValue.get(0));
					}
				}
			}
		}
		return removed;
	}

	/** Whether the document's position is the one {@link #positionOf} computes from it, so need not be kept. */
	private boolean derived(Document document, P position) {
		return this.positionOf != null && position != null && position.equals(this.positionOf.apply(document));
	}

	/** A document's id, compared as the server compares ids (1 and 1.0 are the same id). */
	private static Object id(Document document) {
		return new KeyValue(document.get("_id")).normalized().get(0);
	}

	private static KeyValue prefix(KeyValue keyValue, int length) {
		return (length == keyValue.size()) ? keyValue : new KeyValue(keyValue.stream().limit(length).toList());
	}

	/**
	 * Values a range can be answered for: the plain ones the server's comparator orders (it holds a
	 * date as an {@code Instant}).
	 */
	private static boolean isOrderedValue(Object value) {
		return value instanceof Number || value instanceof String || value instanceof java.time.Instant
				|| value instanceof ObjectId || value instanceof Boolean || value instanceof UUID;
	}

	/** Values an equality lookup can answer exactly as MongoDB's query would. */
	private static boolean isPlainValue(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof ObjectId || value instanceof Date || value instanceof UUID
				|| (value != null && !(value instanceof Document) && !(value instanceof Collection)
						&& value.getClass().getName().startsWith("java.time."));
	}

}
