package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

	@ParameterizedTest(name = "{0} has {1} syllables")
	@CsvSource({ "cat, 1", "the, 1", "make, 1", "whale, 1", "choice, 1", "table, 2", "people, 2", "agree, 2",
			"movie, 2", "adult, 2", "someone, 2", "trusted, 2", "Sam's, 1", "999, 1" })
	void syllablesAreVowelGroupsLessASilentE(String word, int syllables) {
		assertThat(Readability.syllables(word)).isEqualTo(syllables);
	}

	@Test
	void shortWordsInAShortSentenceScoreBelowFirstGrade() {
		// 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59
		assertThat(Readability.fleschKincaidGrade("The cat sat on the mat.")).isCloseTo(-1.45, within(0.5));
	}

	@Test
	void longerWordsRaiseTheGrade() {
		// 8 words, 12 syllables, 1 sentence: 0.39 * 8 + 11.8 * 12 / 8 - 15.59
		assertThat(Readability.fleschKincaidGrade("Telling a trusted adult is the safest choice."))
			.isCloseTo(5.23, within(0.5));
	}

	@Test
	void eachLineIsASentenceSoListItemsAndHeadingsDoNotRunTogether() {
		// 3 sentences, 7 words, 9 syllables: 0.39 * 7 / 3 + 11.8 * 9 / 7 - 15.59
		assertThat(Readability.fleschKincaidGrade("Stop replying.\nDo not pay\nKeep screenshots"))
			.isCloseTo(0.49, within(0.5));
	}

	@Test
	void longSentencesOfLongWordsScoreAboveTheOldestBand() {
		String text = "Organisations investigating international exploitation communicate information"
				+ " confidentially, systematically documenting unacceptable behaviour.";
		assertThat(Readability.fleschKincaidGrade(text)).isGreaterThan(Band.AGES_14_17.readingCeiling());
	}

	@Test
	void textWithoutWordsScoresZero() {
		assertThat(Readability.fleschKincaidGrade(" ... \n")).isZero();
	}

	@Test
	void lessonAboveItsBandCeilingIsAWarningAndStillLoads() {
		LoadResult result = TestContent.valid()
			.replace("modules/online-friends/ages-8-10.md", "Sam plays a game after school.",
					"Organisations investigating international exploitation communicate information confidentially,"
							+ " systematically documenting unacceptable behaviour.")
			.load();

		assertThat(result.curriculum()).isNotNull();
		assertThat(result.problems()).singleElement().asString()
			.matches("modules/online-friends/ages-8-10\\.md:1: warning: reading grade \\d+\\.\\d is above the"
					+ " ages-8-10 ceiling of 5\\.0");
		ReadabilityScore score = result.readability().stream()
			.filter(s -> s.moduleId().equals("online-friends")).findFirst().orElseThrow();
		assertThat(score.aboveCeiling()).isTrue();
		assertThat(score.band()).isEqualTo(Band.AGES_8_10);
		assertThat(score.ceiling()).isEqualTo(5.0);
	}

}
