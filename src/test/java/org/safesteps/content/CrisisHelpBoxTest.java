package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A ':::help crisis' box ends with the reader's own country's crisis line; a plain help box does not. */
class CrisisHelpBoxTest {

	private static final String LESSON = "modules/sextortion/ages-11-13.md";

	private static String lastStep(TestContent content, String country) {
		Lesson lesson = content.curriculum().module("sextortion").flatMap(module -> module.lesson(Band.AGES_11_13))
			.orElseThrow();
		return lesson.steps().get(lesson.steps().size() - 1).body().forCountry(country);
	}

	@Test
	void aCrisisHelpBoxNamesTheCrisisLineOfTheReadersCountryAfterItsServices() {
		TestContent content = TestContent.valid().replace(LESSON, ":::help\n", ":::help crisis\n");
		String gb = lastStep(content, "GB");
		assertThat(gb).contains("class=\"help-crisis\"", "If you feel you cannot go on",
				"<a href=\"tel:116123\">116 123</a>", "<a href=\"sms:116123\">116 123</a>");
		assertThat(gb.indexOf("help-crisis")).isGreaterThan(gb.indexOf("Childline"));
		// A country with no crisis line of its own gets no empty crisis list.
		assertThat(lastStep(content, "FR")).doesNotContain("help-crisis").contains("Take It Down");
	}

	@Test
	void aPlainHelpBoxLeavesTheCrisisLineToThePagesThatAskForIt() {
		String gb = lastStep(TestContent.valid(), "GB");
		assertThat(gb).contains("Childline").doesNotContain("help-crisis", "Samaritans");
	}

	@Test
	void anOptionOtherThanCrisisIsAnError() {
		assertThat(TestContent.valid().replace(LESSON, ":::help\n", ":::help urgent\n").problems())
			.containsExactly(LESSON + ":21: unknown option 'urgent' on ':::help' (only ':::help crisis', which adds the"
					+ " reader's crisis line)");
		assertThat(TestContent.valid().replace(LESSON, ":::help\n", ":::tip crisis\nBreathe.\n:::\n\n:::help\n").problems())
			.containsExactly(LESSON + ":21: unknown option 'crisis' on ':::tip' (only ':::help crisis', which adds the"
					+ " reader's crisis line)");
	}

	@Test
	void aTextChannelWithAKeywordReadsAsTextKeywordToNumber() {
		TestContent content = TestContent.valid()
			.replace(LESSON, ":::help\n", ":::help crisis\n")
			.replace("help/services.yml", "          number: \"116 123\"", "          number: \"686868\"\n          keyword: CONNECT");
		assertThat(lastStep(content, "GB")).contains("Text <strong>CONNECT</strong> to <a href=\"sms:686868\">686868</a>");
	}

}
