package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpDirectoryValidationTest {

	private static final String HELP = "help/services.yml";

	@Test
	void serviceWithoutCheckedDateIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(HELP, "        checked: 2026-09-15\n", "").problems())
			.containsExactly(HELP + ":48: service 'take-it-down' in INTL has no checked date (when a person last checked it)");
	}

	@Test
	void serviceCheckedMoreThanAYearAgoIsReported() {
		assertThat(TestContent.valid().replace(HELP, "checked: 2026-09-15", "checked: 2025-11-22").problems())
			.containsExactly(HELP + ":54: service 'take-it-down' in INTL was last checked on 2025-11-22, "
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
			.containsExactly(HELP + ":24: duplicate service id 'ceop' in GB");
	}

	@Test
	void unknownAudienceIsReported() {
		assertThat(TestContent.valid().replace(HELP, "audiences: [child]", "audiences: [teen]").problems())
			.containsExactly(HELP + ":19: each item of 'audiences' should be child or parent, not 'teen'");
	}

	@Test
	void serviceWebAddressMustBeAWebLink() {
		assertThat(TestContent.valid().replace(HELP, "web: https://www.childline.org.uk/", "web: javascript:alert(1)")
			.problems()).containsExactly(HELP + ":20: service 'childline' in GB: web should be an address starting with https://");
	}

	@Test
	void serviceWithoutSourceIsAnErrorOnItsLine() {
		assertThat(TestContent.valid().replace(HELP, "        source: https://takeitdown.ncmec.org/\n", "").problems())
			.containsExactly(HELP + ":48: service 'take-it-down' in INTL has no source (the page its details were checked on)");
	}

	@Test
	void sourceMustBeAWebAddress() {
		assertThat(TestContent.valid().replace(HELP, "source: https://example.org/samaritans", "source: the Samaritans leaflet")
			.problems()).containsExactly(HELP + ":43: service 'samaritans' in GB: source should be a web address (http:// or https://)");
	}

	@Test
	void unknownKindIsReported() {
		assertThat(TestContent.valid().replace(HELP, "kind: crisis", "kind: urgent").problems())
			.containsExactly(HELP + ":34: 'kind' should be service or crisis, not 'urgent'");
	}

	@Test
	void textChannelNeedsANumberOfDigits() {
		assertThat(TestContent.valid().replace(HELP, "number: \"116 123\"", "number: \"SAM\"").problems())
			.containsExactly(HELP + ":41: service 'samaritans' in GB: text number 'SAM' should be digits (spaces and dashes allowed)");
		assertThat(TestContent.valid().replace(HELP, "number: \"116 123\"", "keyword: TALK").problems())
			.containsExactly(HELP + ":40: service 'samaritans' in GB: text needs a number to text");
	}

	@Test
	void serviceWithNoWayToReachItIsReported() {
		assertThat(TestContent.valid()
			.replace(HELP, "        phone: \"116 123\"\n        text:\n          number: \"116 123\"\n", "")
			.problems()).containsExactly(HELP + ":33: service 'samaritans' in GB has no way to reach it (phone, web or text)");
	}

	@Test
	void crisisLinesAreKeptApartFromTheServicesForEachAudience() {
		Country gb = TestContent.valid().curriculum().help().forCountry("GB");
		assertThat(gb.crisisLines()).extracting(HelpService::id).containsExactly("samaritans");
		assertThat(gb.servicesFor(Audience.CHILD)).extracting(HelpService::id).containsExactly("ceop", "childline");
		assertThat(gb.crisisLines().get(0).text()).isEqualTo(new HelpService.TextChannel("116 123", null));
		assertThat(gb.crisisLines().get(0).source()).isEqualTo("https://example.org/samaritans");
	}

	@Test
	void spanishDescriptionIsReadInSpanishAndEnglishStaysTheDefault() {
		HelpService service = TestContent.valid()
			.replace(HELP, "        source: https://takeitdown.ncmec.org/\n", "        source: https://takeitdown.ncmec.org/\n"
					+ "        es:\n          what: Ayuda a eliminar imágenes.\n          who: Cualquier persona.\n")
			.curriculum().help().forCountry("INTL").services().get(0);
		assertThat(service.whatIn("es")).isEqualTo("Ayuda a eliminar imágenes.");
		assertThat(service.whoIn("es")).isEqualTo("Cualquier persona.");
		assertThat(service.whatIn("en")).startsWith("Helps remove nude images");
		assertThat(service.whoIn("ar")).isEqualTo("Anyone, in any country.");
	}

	@Test
	void spanishDescriptionWithoutWhoIsReported() {
		assertThat(TestContent.valid()
			.replace(HELP, "        source: https://takeitdown.ncmec.org/\n", "        source: https://takeitdown.ncmec.org/\n"
					+ "        es:\n          what: Ayuda a eliminar imágenes.\n")
			.problems()).containsExactly(HELP + ":56: service 'take-it-down' in INTL: es needs both 'what' and 'who'");
	}

}
