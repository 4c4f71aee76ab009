package org.safesteps.quiz;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.safesteps.content.ContentSource;
import org.safesteps.content.Curriculum;
import org.safesteps.content.CurriculumLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Learners who answer by position alone, over every quiz of every band of the shipped content:
 * none may score more than 15 points above chance, or scores measure position, not learning.
 */
class PositionOnlyLearnersTest {

	private static final Curriculum SHIPPED = new CurriculumLoader()
		.loadOrThrow(ContentSource.directory(Path.of("content")), LocalDate.now());

	private final PositionOnlyLearners asShown = new PositionOnlyLearners(SHIPPED,
			(question, learner) -> DisplayOrder.of(question), 1);

	@ParameterizedTest
	@EnumSource(PositionOnlyLearners.Strategy.class)
	void aLearnerAnsweringByPositionAloneScoresAtMostFifteenPointsAboveChance(PositionOnlyLearners.Strategy strategy) {
		PositionOnlyLearners.Score score = this.asShown.score(strategy);
		assertThat(score.aboveChance()).as(score.toString()).isLessThanOrEqualTo(15.0);
	}

}
