package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped lessons on threats, nude and fake images and helping a friend, for 11-13 and 14-17,
 * end with the crisis line of the reader's own country in the help box.
 */
class CrisisLinesShippedTest {

	private static final Curriculum SHIPPED = new CurriculumLoader()
		.load(ContentSource.directory(Path.of("content")), LocalDate.now()).orThrow();

	// What a reader in each country must see: the line's name and its number as a phone link.
	private static final Map<String, String[]> CRISIS = Map.of(
			"GB", new String[] { "Samaritans", "tel:116123" },
			"IE", new String[] { "Samaritans", "tel:116123" },
			"US", new String[] { "988 Suicide &amp; Crisis Lifeline", "tel:988" },
			"CA", new String[] { "9-8-8 Suicide Crisis Helpline", "tel:988" },
			"AU", new String[] { "Lifeline", "tel:131114" },
			"NZ", new String[] { "1737, Need to talk?", "tel:1737" });

	@ParameterizedTest
	@CsvSource({ "sextortion,ages-11-13", "sextortion,ages-14-17", "nude-images,ages-11-13", "nude-images,ages-14-17",
			"fake-images,ages-11-13", "fake-images,ages-14-17", "helping-a-friend,ages-11-13",
			"helping-a-friend,ages-14-17" })
	void theLastStepNamesTheCrisisLineOfEachReadersCountry(String moduleId, String bandId) {
		Lesson lesson = SHIPPED.module(moduleId).flatMap(module -> module.lesson(Band.fromId(bandId).orElseThrow()))
			.orElseThrow();
		Html last = lesson.steps().get(lesson.steps().size() - 1).body();
		CRISIS.forEach((country, line) -> {
			String html = last.forCountry(country);
			String crisis = html.substring(html.indexOf("class=\"help-crisis\"") + 1);
			assertThat(html).as(moduleId + " " + bandId + " " + country).contains("class=\"help-crisis\"");
			assertThat(crisis).as(moduleId + " " + bandId + " " + country).contains(line);
		});
		// Samaritans is the UK and Irish line: a reader in the US does not get it.
		assertThat(last.forCountry("US")).doesNotContain("Samaritans");
	}

	@ParameterizedTest
	@CsvSource({ "US,988", "CA,686868", "CA,988", "NZ,1737" })
	void textChannelsAreShownBesidePhoneAndWeb(String country, String number) {
		Lesson lesson = SHIPPED.module("sextortion").flatMap(module -> module.lesson(Band.AGES_14_17)).orElseThrow();
		assertThat(lesson.steps().get(lesson.steps().size() - 1).body().forCountry(country))
			.contains("href=\"sms:" + number + "\"");
	}

}
