package org.safesteps.storage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * H2 counts each cached document as {@link DocumentMemory} estimates it, so {@code embedded-cache-mb}
 * bounds the heap only if the estimate is close to what a decoded document takes. The reference
 * figures were measured on JDK 17 (compressed references): 50,000 documents of each shape decoded by
 * the server's own decoder and kept, the heap compared after full collections (docs/performance.md,
 * "The embedded store's page cache counted honestly"). The earlier estimate, twice the BSON size,
 * fails every one of these.
 */
class DocumentMemoryTest {

	private static final Instant WHEN = Instant.parse("2026-12-06T09:00:00.123Z");

	@Test
	void anAttemptIsCountedAsTheHeapItTakesDecoded() {
		assertCountedAs(attempt(), 5_608, 715);
	}

	@Test
	void aLearnerIsCountedAsTheHeapItTakesDecoded() {
		assertCountedAs(learner(), 1_176, 229);
	}

	@Test
	void aProgressDocumentIsCountedAsTheHeapItTakesDecoded() {
		assertCountedAs(progress(), 1_624, 270);
	}

	@Test
	void aRateLimitBucketIsCountedAsTheHeapItTakesDecoded() {
		assertCountedAs(bucket(), 632, 155);
	}

	@Test
	void textBeyondLatin1TakesTwoBytesACharacter() {
		int latin = DocumentMemory.of(decoded(new Document("_id", "a").append("text", "x".repeat(100))));
		int arabic = DocumentMemory.of(decoded(new Document("_id", "a").append("text", "م".repeat(100))));
		// a string's array holds UTF-16 once one character is beyond Latin-1: 216 bytes instead of 120
		assertThat(arabic - latin).isEqualTo(96);
	}

	/** Within 2% of the measured heap, and at least four times the BSON size (the old estimate: two). */
	private static void assertCountedAs(Document document, int measuredHeap, int bsonBytes) {
		byte[] bson = bson(document);
		assertThat(bson).hasSize(bsonBytes);
		int estimate = DocumentMemory.of(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson)));
		assertThat(estimate).isCloseTo(measuredHeap, within(measuredHeap / 50));
		assertThat(estimate).isGreaterThanOrEqualTo(4 * bsonBytes);
	}

	private static Document decoded(Document document) {
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson(document)));
	}

	private static byte[] bson(Document document) {
		ByteBuf buffer = Unpooled.buffer(256);
		BsonEncoder.encodeDocument(document, buffer);
		byte[] bytes = new byte[buffer.readableBytes()];
		buffer.readBytes(bytes);
		return bytes;
	}

	/** The shapes the app stores (field names and value lengths as its records write them). */
	static Document attempt() {
		List<Object> answers = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			answers.add(new Document("questionId", "q" + i).append("chosen", new ArrayList<>(List.of("b")))
				.append("correct", i % 2 == 0));
		}
		return new Document("_id", new ObjectId()).append("submissionId", "0b6c1a38-3f4e-4d8e-9c2a-5d9d7f1e2a3b")
			.append("learnerId", "6750a1b2c3d4e5f601234568")
			.append("classId", "6750a1b2c3d4e5f601234567")
			.append("moduleId", "trusted-adults")
			.append("band", "AGES_8_10")
			.append("contentVersion", "79c4ad3a7ae6")
			.append("answers", answers)
			.append("score", 67)
			.append("correctCount", 4)
			.append("questionCount", 6)
			.append("createdAt", WHEN)
			.append("_class", "org.safesteps.progress.Attempt");
	}

	static Document learner() {
		return new Document("_id", new ObjectId()).append("classId", "6750a1b2c3d4e5f601234567")
			.append("pseudonym", "Brave Otter 12")
			.append("band", "AGES_8_10")
			.append("tokenHash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
			.append("createdAt", WHEN)
			.append("lastSeenAt", WHEN);
	}

	static Document progress() {
		return new Document("_id", new ObjectId()).append("learnerId", "6750a1b2c3d4e5f601234568")
			.append("moduleId", "trusted-adults")
			.append("classId", "6750a1b2c3d4e5f601234567")
			.append("band", "AGES_8_10")
			.append("stepReached", 5)
			.append("stepsTotal", 6)
			.append("startedAt", WHEN)
			.append("completedAt", WHEN)
			.append("bestScore", 83)
			.append("attempts", 2)
			.append("updatedAt", WHEN);
	}

	static Document bucket() {
		return new Document("_id", "join:" + "5d9d7f1e2a3b4d8e9c2a0b6c1a383f4e".repeat(2))
			.append("state", new BinData(new byte[40]))
			.append("expiresAt", WHEN);
	}

}
