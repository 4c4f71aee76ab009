package org.safesteps.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Which queries the embedded server's unique indexes answer: a compare-and-swap names the id and the
 * state read before, and must not read the whole collection for it (the server then checks the
 * whole query against the document found: EmbeddedStorageTest, RateLimitTest and LeasesTest show the
 * answers are still right).
 */
class InMemoryUniqueIndexTest {

	private final InMemoryUniqueIndex<Integer> id = new InMemoryUniqueIndex<>("_id_",
			List.of(new IndexKey("_id", true)), false);

	private final InMemoryUniqueIndex<Integer> compound = new InMemoryUniqueIndex<>("class_module",
			List.of(new IndexKey("classId", true), new IndexKey("moduleId", true)), false);

	@Test
	void aKeyWithAPlainValueIsAnsweredWithOrWithoutOtherConditions() {
		assertThat(this.id.canHandle(new Document("_id", "bucket-1"))).isTrue();
		assertThat(this.id.canHandle(new Document("_id", "bucket-1").append("state", new byte[] { 1 }))).isTrue();
		assertThat(this.id.canHandle(new Document("_id", "lease").append("holder", "a").append("until",
				new Document("$lt", 5)))).isTrue();
	}

	@Test
	void operatorsListsMissingKeysAndNullAreLeftToTheServer() {
		assertThat(this.id.canHandle(new Document("_id", new Document("$gt", "a")).append("state", 1))).isFalse();
		assertThat(this.id.canHandle(new Document("_id", List.of("a", "b")).append("state", 1))).isFalse();
		assertThat(this.id.canHandle(new Document("_id", null).append("state", 1))).isFalse();
		assertThat(this.id.canHandle(new Document("state", 1))).isFalse();
		assertThat(this.compound.canHandle(new Document("classId", "c").append("moduleId", "m").append("x", 1)))
			.as("compound indexes as the server has them").isFalse();
		assertThat(this.compound.canHandle(new Document("classId", "c").append("moduleId", "m"))).isTrue();
	}

	@Test
	void theSwapAsTheDriverSendsItIsAnsweredFromTheIndex() {
		// MongoBuckets swaps with Filters.and(eq("_id", key), eq("state", read)): the driver sends $and
		assertThat(Filters.and(Filters.eq("_id", "bucket-1"), Filters.eq("state", 1)).toBsonDocument().keySet())
			.containsExactly("$and");
		this.id.putKeyPosition(new KeyValue(List.of("bucket-1")).normalized(), 7);
		Document swap = new Document("$and",
				List.of(new Document("_id", "bucket-1"), new Document("state", new byte[] { 1 })));
		assertThat(this.id.canHandle(swap)).isTrue();
		assertThat(this.id.getPositions(swap)).containsExactly(7);
		Document other = new Document("$and", List.of(new Document("_id", "bucket-2"), new Document("state", 1)));
		assertThat(this.id.getPositions(other)).isEmpty();
		assertThat(this.id.canHandle(new Document("$and",
				List.of(new Document("_id", new Document("$gt", "a")), new Document("state", 1))))).isFalse();
		assertThat(this.compound.canHandle(new Document("$and",
				List.of(new Document("classId", "c"), new Document("moduleId", "m"))))).isFalse();
	}

}
