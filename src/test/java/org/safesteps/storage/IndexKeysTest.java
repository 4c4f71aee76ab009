package org.safesteps.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storage's indexes find a document's key values without the server's path split, and find
 * exactly what the server's own {@code Index.getKeyValues} finds: compared over random documents
 * with every kind of value the app stores (and lists, documents and paths, which go the server's way).
 */
class IndexKeysTest {

	private static final List<List<IndexKey>> KEY_SETS = List.of(List.of(new IndexKey("a", true)),
			List.of(new IndexKey("a", true), new IndexKey("b", false)),
			List.of(new IndexKey("learnerId", true), new IndexKey("moduleId", true), new IndexKey("a", true)),
			List.of(new IndexKey("a.b", true)), List.of(new IndexKey("b", true), new IndexKey("a.c", true)));

	private final Random random = new Random(29);

	@Test
	void everyIndexFindsTheKeyValuesTheServerFinds() {
		int plain = 0;
		for (List<IndexKey> keys : KEY_SETS) {
			Index<Integer> server = new MemoryUniqueIndex("server", keys, false);
			List<Index<Integer>> ours = List.of(new SecondaryIndex<>("secondary", keys),
					new InMemoryUniqueIndex<>("unique", keys, false));
			IndexKeys indexKeys = new IndexKeys(keys);
			for (int i = 0; i < 5_000; i++) {
				Document document = randomDocument();
				for (Index<Integer> index : ours) {
					assertThat(outcome(() -> index.getKeyValues(document))).as("%s of %s", keys, document)
						.isEqualTo(outcome(() -> server.getKeyValues(document)));
				}
				if (indexKeys.plainValues(document) != null) {
					plain++;
				}
			}
		}
		// the comparison must have covered the plain way, not only the server's
		assertThat(plain).isGreaterThan(5_000);
	}

	@Test
	void aPathOrAListGoesTheServersWay() {
		assertThat(new IndexKeys(List.of(new IndexKey("a.b", true))).plainValues(new Document("a", 1))).isNull();
		assertThat(new IndexKeys(List.of(new IndexKey("a", true))).plainValues(new Document("a", List.of(1, 2))))
			.isNull();
		assertThat(new IndexKeys(List.of(new IndexKey("a", true))).plainValues(new Document("a", new Document("b", 1))))
			.isNull();
		assertThat(new IndexKeys(List.of(new IndexKey("a", true))).plainValues(new Document("a", 1L))).isNotNull();
	}

	/** What a call gave: its result, or the kind of error it threw (two lists in one compound key). */
	private static Object outcome(Supplier<Object> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass();
		}
	}

	private Document randomDocument() {
		Document document = new Document("_id", new ObjectId());
		for (String key : List.of("a", "b", "learnerId", "moduleId")) {
			if (this.random.nextInt(5) > 0) {
				document.put(key, randomValue(2));
			}
		}
		return document;
	}

	private Object randomValue(int depth) {
		return switch (this.random.nextInt((depth > 0) ? 14 : 12)) {
			case 0 -> null;
			case 1 -> this.random.nextInt(5) - 2;
			case 2 -> (long) this.random.nextInt(5);
			case 3 -> (1L << 53) + 1 + this.random.nextInt(3);
			case 4 -> this.random.nextBoolean() ? 0.0 : -0.0;
			case 5 -> this.random.nextDouble();
			case 6 -> "s" + this.random.nextInt(3);
			case 7 -> new Date(1_796_000_000_000L + this.random.nextInt(3));
			case 8 -> new ObjectId();
			case 9 -> UUID.randomUUID();
			case 10 -> this.random.nextBoolean();
			case 11 -> "";
			case 12 -> new ArrayList<>(Arrays.asList(randomValue(depth - 1), randomValue(depth - 1)));
			default -> new Document("c", randomValue(depth - 1)).append("b", randomValue(depth - 1));
		};
	}

}
