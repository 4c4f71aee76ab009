package org.safesteps.storage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secondary index's position set holds each position once, in the order filed, through any mix of
 * additions and removals: short sets (read through) and long ones (found through their map), gaps
 * closed as they grow, checked step by step against a {@code LinkedHashSet}, which it replaces.
 */
class PositionsTest {

	@Test
	void keepsThePositionsInTheOrderFiledThroughRandomAdditionsAndRemovals() {
		Random random = new Random(31);
		for (int round = 0; round < 200; round++) {
			// rounds alternate between few possible positions (short sets) and many (long ones, with their map)
			int range = (round % 2 == 0) ? 12 : 400;
			Positions<String> positions = new Positions<>();
			Set<String> model = new LinkedHashSet<>();
			for (int step = 0; step < 600; step++) {
				String position = "p" + random.nextInt(range);
				int what = random.nextInt(10);
				if (what < 5) {
					assertThat(positions.addIfAbsent(position)).isEqualTo(model.add(position));
				}
				else if (what < 7 && !model.contains(position)) {
					positions.add(position);
					model.add(position);
					assertThat(positions.endsWith(position)).isTrue();
				}
				else {
					assertThat(positions.remove(position)).isEqualTo(model.remove(position));
				}
				assertThat(positions.size()).isEqualTo(model.size());
				assertThat(positions.isEmpty()).isEqualTo(model.isEmpty());
			}
			assertThat(positions.toList()).containsExactlyElementsOf(model);
		}
	}

	@Test
	void aLongSetFindsItsPositionsAfterGapsAreClosed() {
		Positions<Integer> positions = new Positions<>();
		for (int i = 0; i < 1_000; i++) {
			positions.add(i);
		}
		// removing every even position leaves gaps over half the array: they are closed, and the map follows
		for (int i = 0; i < 1_000; i += 2) {
			assertThat(positions.remove(i)).isTrue();
		}
		assertThat(positions.remove(0)).isFalse();
		assertThat(positions.addIfAbsent(1)).isFalse();
		assertThat(positions.addIfAbsent(0)).isTrue();
		assertThat(positions.remove(999)).isTrue();
		assertThat(positions.endsWith(0)).isTrue();
		List<Integer> expected = new ArrayList<>();
		for (int i = 1; i < 999; i += 2) {
			expected.add(i);
		}
		expected.add(0);
		assertThat(positions.toList()).containsExactlyElementsOf(expected);
	}

	@Test
	void emptiedItStartsAfresh() {
		Positions<String> positions = new Positions<>();
		for (int i = 0; i < 100; i++) {
			positions.add("p" + i);
		}
		for (int i = 0; i < 100; i++) {
			positions.remove("p" + i);
		}
		assertThat(positions.isEmpty()).isTrue();
		assertThat(positions.endsWith("p99")).isFalse();
		assertThat(positions.toList()).isEmpty();
		positions.add("again");
		assertThat(positions.toList()).containsExactly("again");
	}

}
