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
		.load(ContentSource.directory(Path.of("content")), LocalDate.now()).orThrow();

	/** Enough learners that the average over their shuffles is close to its expectation. */
	private static final int LEARNERS = 200;

	private final PositionOnlyLearners asShown = new PositionOnlyLearners(SHIPPED,
			(question, learner) -> DisplayOrder.forLearner(learner).of(question), LEARNERS);

	@ParameterizedTest
	@EnumSource(PositionOnlyLearners.Strategy.class)
	void aLearnerAnsweringByPositionAloneScoresAtMostFifteenPointsAboveChance(PositionOnlyLearners.Strategy strategy) {
		PositionOnlyLearners.Score score = this.asShown.score(strategy);
		// the figure docs/quiz-scores.md quotes, in the build log
		System.out.println("Position-only learner through each learner's shuffle: " + score);
		assertThat(score.aboveChance()).as(score.toString()).isLessThanOrEqualTo(15.0);
	}

	@ParameterizedTest
	@EnumSource(PositionOnlyLearners.Strategy.class)
	void theContentAloneDoesNotRewardPositionEitherInTheAuthorsOrder(PositionOnlyLearners.Strategy strategy) {
		PositionOnlyLearners.Score score = new PositionOnlyLearners(SHIPPED,
				(question, learner) -> DisplayOrder.AUTHORED.of(question), 1).score(strategy);
		System.out.println("Position-only learner in the authored order: " + score);
		assertThat(score.aboveChance()).as(score.toString()).isLessThanOrEqualTo(15.0);
	}

}
