package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpDirectoryValidationTest {

	private static final String HELP = "help/services.yml";

	@Test
	void serviceWithoutCheckedDateIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(HELP, "        checked: 2026-09-15\n", "").problems())
			.containsExactly(HELP + ":34: service 'take-it-down' in INTL has no checked date (when a person last checked it)");
	}

	@Test
	void serviceCheckedMoreThanAYearAgoIsReported() {
		assertThat(TestContent.valid().replace(HELP, "checked: 2026-09-15", "checked: 2025-11-22").problems())
			.containsExactly(HELP + ":40: service 'take-it-down' in INTL was last checked on 2025-11-22, "
					+ "more than a year ago: check it and update 'checked'");
	}

	@Test
	void serviceCheckedExactlyAYearAgoIsStillAccepted() {
		assertThat(TestContent.valid().replace(HELP, "checked: 2026-09-15", "checked: 2025-11-23").problems()).isEmpty();
	}

	@Test
	void directoryWithoutInternationalEntryIsReported() {
		assertThat(TestContent.valid().replace(HELP, "code: INTL", "code: FR").problems())
			.containsExactly(HELP + ":1: no INTL entry: the help for every other country");
	}

	@Test
	void duplicateServiceIdInACountryIsReported() {
		assertThat(TestContent.valid().replace(HELP, "- id: nspcc", "- id: ceop").problems())
			.containsExactly(HELP + ":22: duplicate service id 'ceop' in GB");
	}

	@Test
	void unknownAudienceIsReported() {
		assertThat(TestContent.valid().replace(HELP, "audiences: [child]", "audiences: [teen]").problems())
			.containsExactly(HELP + ":18: unknown audience 'teen' (child or parent)");
	}

	@Test
	void serviceWebAddressMustBeAWebLink() {
		assertThat(TestContent.valid().replace(HELP, "web: https://www.childline.org.uk/", "web: javascript:alert(1)")
			.problems()).containsExactly(HELP + ":19: service 'childline' in GB: web should be an address starting with https://");
	}

}
