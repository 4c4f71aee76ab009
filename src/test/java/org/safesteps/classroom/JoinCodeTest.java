package org.safesteps.classroom;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JoinCodeTest {

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@CsvSource(nullValues = "-", value = { "ABC234,ABC234", "abc234,ABC234", "'abc 234',ABC234", "ABC-234,ABC234",
			"' a b c - 2 3 4 ',ABC234", "ABC23,-", "ABC2345,-", "ABCO23,-", "ABC123,-", "ABCI23,-", "ABCL23,-",
			"'',-", "-,-" })
	void typedCodesAreNormalisedOrRefused(String typed, String expected) {
		assertThat(JoinCode.parse(typed).map(JoinCode::value).orElse(null)).isEqualTo(expected);
	}

	@Test
	void randomCodesUseOnlyTheUnambiguousAlphabet() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String code = JoinCode.random().value();
			assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I", "L");
			seen.add(code);
		}
		assertThat(seen).hasSizeGreaterThan(1990);
	}

	@Test
	void codesAreDisplayedInTwoHalves() {
		assertThat(new JoinCode("ABC234").display()).isEqualTo("ABC-234");
	}

}
