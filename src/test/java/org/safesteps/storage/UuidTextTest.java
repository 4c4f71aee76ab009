package org.safesteps.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A canonical UUID string kept as its bits is the same string again, equal to exactly the keys of the
 * same string, and every other string (or value) stays as it was.
 */
class UuidTextTest {

	@Test
	void aCanonicalUuidStringIsKeptAsItsBitsAndGivenBackTheSame() {
		Random random = new Random(31);
		Map<Object, String> seen = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			String text = new UUID(random.nextLong(), random.nextLong()).toString();
			Object key = UuidText.compact(text);
			assertThat(key).isInstanceOf(UuidText.class);
			assertThat(key.toString()).isEqualTo(text);
			assertThat(key).isEqualTo(UuidText.compact(new String(text.toCharArray())))
				.hasSameHashCodeAs(UuidText.compact(text));
			assertThat(seen.put(key, text)).as("two strings, one key").isNull();
		}
		assertThat(UuidText.compact("00000000-0000-0000-0000-000000000000").toString())
			.isEqualTo("00000000-0000-0000-0000-000000000000");
		assertThat(UuidText.compact("ffffffff-ffff-ffff-ffff-ffffffffffff").toString())
			.isEqualTo("ffffffff-ffff-ffff-ffff-ffffffffffff");
	}

	@Test
	void anyOtherValueStaysAsItIs() {
		String canonical = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
		List<Object> others = List.of(canonical.toUpperCase(), "0F1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
				canonical.substring(1), canonical + "0", canonical.replace('-', '_'), "0f1e2d3c4b5a49688776a5b4c3d2e1f0abcd",
				"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1fg", "0f1e2d3c-4b5a-4968-8776+a5b4c3d2e1f0", "",
				UUID.fromString(canonical), 42, 4.2);
		for (Object other : others) {
			assertThat(UuidText.compact(other)).as("%s", other).isSameAs(other);
		}
		Object key = UuidText.compact(canonical);
		assertThat(key).isNotEqualTo(canonical).isNotEqualTo(UUID.fromString(canonical));
	}

}
