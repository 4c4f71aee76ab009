package org.safesteps.quiz;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safesteps.quiz.GraderTest.ORDER;
import static org.safesteps.quiz.GraderTest.SINGLE;

class DisplayOrderTest {

	@Test
	void orderItemsAreNeverShownInTheRightOrder() {
		for (int size = 2; size <= 7; size++) {
			for (int variant = 0; variant < 50; variant++) {
				List<Option> items = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					items.add(GraderTest.option("item" + variant + "-" + i, false));
				}
				Question question = new Question("q" + variant, QuestionType.ORDER, "Order", null, items);
				List<Option> shown = DisplayOrder.of(question);
				assertThat(shown).containsExactlyInAnyOrderElementsOf(items).isNotEqualTo(items);
			}
		}
	}

	@Test
	void theShuffleIsTheSameOnEveryLoad() {
		assertThat(DisplayOrder.of(ORDER)).isEqualTo(DisplayOrder.of(ORDER));
	}

	@Test
	void otherTypesKeepTheAuthorsOrder() {
		assertThat(DisplayOrder.of(SINGLE)).isEqualTo(SINGLE.options());
	}

}
