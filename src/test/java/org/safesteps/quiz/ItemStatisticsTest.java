package org.safesteps.quiz;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItemStatisticsTest {

	private static Map<String, Boolean> learner(boolean q1, boolean q2, boolean q3) {
		return Map.of("q1", q1, "q2", q2, "q3", q3);
	}

	/**
	 * Worked by hand. Five learners, marks (q1, q2, q3): A (1,1,1), B (1,1,0), C (1,0,0), D (0,1,0),
	 * E (0,0,1). q1: marks 1,1,1,0,0 (mean 0.6); rest of the quiz 2,1,0,1,1 (mean 1.0).
	 * Deviations: marks 0.4,0.4,0.4,-0.6,-0.6; rest 1,0,-1,0,0. Covariance sum 0.4+0-0.4+0+0 = 0.
	 * So q1 does not discriminate at all. q2: marks 1,1,0,1,0 (mean 0.6); rest 2,1,1,0,1 (mean 1.0);
	 * deviations 0.4,0.4,-0.6,0.4,-0.6 and 1,0,0,-1,0: covariance sum 0.4 - 0.4 = 0 as well.
	 * q3: marks 1,0,0,0,1 (mean 0.4); rest 2,2,1,1,0 (mean 1.2); deviations 0.6,-0.4,-0.4,-0.4,0.6 and
	 * 0.8,0.8,-0.2,-0.2,-1.2: covariance sum 0.48-0.32+0.08+0.08-0.72 = -0.4; mark variance sum
	 * 0.36+0.16*3+0.36 = 1.2; rest variance sum 0.64+0.64+0.04+0.04+1.44 = 2.8;
	 * index 100 * -0.4 / sqrt(1.2 * 2.8) = -21.82.
	 */
	@Test
	void facilityAndDiscriminationMatchAHandWorkedExample() {
		Map<String, ItemStatistics.Item> items = ItemStatistics.of(List.of(learner(true, true, true),
				learner(true, true, false), learner(true, false, false), learner(false, true, false),
				learner(false, false, true)));
		assertThat(items.get("q1").facility()).isEqualTo(60.0);
		assertThat(items.get("q1").discrimination()).isCloseTo(0.0, within(1e-9));
		assertThat(items.get("q2").discrimination()).isCloseTo(0.0, within(1e-9));
		assertThat(items.get("q3").facility()).isEqualTo(40.0);
		assertThat(items.get("q3").right()).isEqualTo(2);
		assertThat(items.get("q3").learners()).isEqualTo(5);
		assertThat(items.get("q3").discrimination()).isCloseTo(-21.82, within(0.01));
	}

	@Test
	void aQuestionThatOnlyTheStrongestGetRightDiscriminatesFully() {
		// q1 right exactly for those who got both others right
		Map<String, ItemStatistics.Item> items = ItemStatistics.of(List.of(learner(true, true, true),
				learner(true, true, true), learner(false, false, false), learner(false, false, false)));
		assertThat(items.get("q1").discrimination()).isCloseTo(100.0, within(1e-9));
	}

	@Test
	void withoutSpreadThereIsNoDiscrimination() {
		Map<String, ItemStatistics.Item> items = ItemStatistics.of(List.of(learner(true, true, false),
				learner(true, false, true), learner(true, true, true)));
		assertThat(items.get("q1").facility()).isEqualTo(100.0);
		assertThat(items.get("q1").discrimination()).isNull();
	}

}
