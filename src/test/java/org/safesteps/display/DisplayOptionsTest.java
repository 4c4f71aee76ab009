package org.safesteps.display;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayOptionsTest {

	@Test
	void cookieValueReadsBackAsTheSameOptions() {
		DisplayOptions all = new DisplayOptions(true, true, true, true, false);
		assertThat(all.cookieValue()).isEqualTo("larger-text.dyslexia-font.high-contrast.reduced-motion.no-read-aloud");
		assertThat(DisplayOptions.parse(all.cookieValue())).isEqualTo(all);
		assertThat(DisplayOptions.parse("")).isEqualTo(DisplayOptions.NONE);
	}

	@Test
	void unknownWordsAreIgnored() {
		assertThat(DisplayOptions.parse("high-contrast.<script>.huge-text"))
			.isEqualTo(new DisplayOptions(false, false, true, false, null));
	}

	@Test
	void contradictoryReadAloudLeavesItToTheTheme() {
		DisplayOptions both = DisplayOptions.parse("read-aloud.no-read-aloud");
		assertThat(both.readAloud()).isNull();
		assertThat(both.readsAloud(true)).isTrue();
		assertThat(both.readsAloud(false)).isFalse();
	}

	@Test
	void bodyClassesNameEachChosenOptionAndNothingOtherwise() {
		assertThat(DisplayOptions.NONE.bodyClasses()).isNull();
		assertThat(new DisplayOptions(true, false, true, false, true).bodyClasses())
			.isEqualTo("display-larger-text display-high-contrast");
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example/", "/\\evil.example", "https://evil.example/", "javascript:alert(1)",
			"evil.example", "/learn\r\nSet-Cookie: x=y", "/ spaced", "", "/display?return=/x" })
	void returnPathsOffThisSiteGoHome(String wanted) {
		assertThat(ReturnPath.of(wanted)).isEqualTo("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/learn/trusted-adults?step=2", "/help?country=GB&band=ages-5-7", "/parents/sextortion" })
	void returnPathsOnThisSiteAreKept(String wanted) {
		assertThat(ReturnPath.of(wanted)).isEqualTo(wanted);
	}

}
