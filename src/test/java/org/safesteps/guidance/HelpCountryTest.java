package org.safesteps.guidance;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HelpCountryTest {

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(delimiter = '|', nullValues = "-", value = {
		"en-GB,en;q=0.9       | GB",
		"en-US                | US",
		"fr-CA,fr;q=0.9       | CA",
		"en,en-AU;q=0.5       | AU",
		"en                   | -",
		"de                   | -",
		"*                    | -",
		"-                    | -",
		"en-;q=abc            | -",
		"es-419,es;q=0.8      | -",
		"en-NZ;q=0,en-IE;q=0.5| IE",
		"es-ES,es;q=0.9       | ES",
		"es-MX                | MX",
		"es-AR,es;q=0.8,en;q=0.5| AR",
		"es-CO                | CO",
		"es-CL                | CL",
		"es-US,es;q=0.9       | US",
		"es,es-MX;q=0.8       | MX" })
	void countryComesFromTheRegionOfTheFirstLanguageThatHasOne(String header, String expected) {
		assertThat(HelpCountry.fromAcceptLanguage(header).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "-", value = { "gb,GB", " us ,US", "GBR,-", "1a,-", "-,-" })
	void anExplicitCountryMustBeTwoLetters(String raw, String expected) {
		assertThat(HelpCountry.parse(raw).orElse(null)).isEqualTo(expected);
	}

}
