package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.safesteps.content.Band;
import org.safesteps.display.DisplayOptions;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.support.Browserless;
import org.safesteps.theme.RequestLanguage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lesson step is rendered once and kept: every learner reading it the same way gets the same
 * page, with the same headers as a fresh rendering, and nothing of another browser's. The tests
 * trust the themes folder for an hour (src/test/resources/config; production re-reads it, and drops
 * kept pages with it, after 2 s), so that only the test decides when a page is rendered again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RenderedStepsTest {

	private static final String STEP = "/learn/trusted-adults?step=2";

	@LocalServerPort
	int port;

	@Autowired
	RenderedSteps steps;

	@Autowired
	LearnerStore store;

	@Test
	void twoLearnersGetTheKeptStepWithTheHeadersAndBodyOfAFreshRendering() {
		this.steps.clear();
		long renders = this.steps.renders();
		String tokenB = Secrets.newToken();
		learner(Band.AGES_8_10, tokenB);

		HttpResponse<String> first = browserOf(learner(Band.AGES_8_10, Secrets.newToken())).get(STEP);
		assertThat(this.steps.renders()).as("the first reader's page is rendered").isEqualTo(renders + 1);
		HttpResponse<String> kept = browserOf(tokenB).get(STEP);
		assertThat(this.steps.renders()).as("the second reader's comes from memory").isEqualTo(renders + 1);
		this.steps.clear();
		HttpResponse<String> fresh = browserOf(tokenB).get(STEP);
		assertThat(this.steps.renders()).as("rendered again once forgotten").isEqualTo(renders + 2);

		assertThat(List.of(first.statusCode(), kept.statusCode(), fresh.statusCode())).containsOnly(200);
		assertThat(kept.body()).isEqualTo(fresh.body()).isEqualTo(first.body()).contains("Step 2 of");
		assertThat(headers(kept)).isEqualTo(headers(fresh)).isEqualTo(headers(first));
		assertThat(headers(kept)).containsKeys("content-security-policy", "x-frame-options", "cache-control",
				"x-content-type-options", "referrer-policy", "permissions-policy", "content-type", "content-language",
				"set-cookie");
	}

	@Test
	void theKeptPageFollowsTheReadersLanguageCountryAndDisplayOptions() {
		this.steps.clear();
		Browserless plain = browserOf(learner(Band.AGES_8_10, Secrets.newToken()));
		Browserless spanish = browserOf(learner(Band.AGES_8_10, Secrets.newToken()));
		spanish.cookie(RequestLanguage.COOKIE, "es");
		Browserless larger = browserOf(learner(Band.AGES_8_10, Secrets.newToken()));
		larger.cookie(DisplayOptions.COOKIE, "larger-text");
		Browserless inMexico = browserOf(learner(Band.AGES_8_10, Secrets.newToken()));
		inMexico.cookie(HelpCountry.COOKIE, "MX");
		Browserless older = browserOf(learner(Band.AGES_14_17, Secrets.newToken()));

		String plainPage = plain.get(STEP).body();

		assertThat(plainPage).containsPattern("<html[^>]*\\blang=\"en\"").doesNotContain("display-larger-text");
		assertThat(spanish.get(STEP).body()).containsPattern("<html[^>]*\\blang=\"es\"");
		assertThat(larger.get(STEP).body()).contains("display-larger-text");
		assertThat(inMexico.get(STEP).body()).contains("/help?country=MX");
		assertThat(plainPage).doesNotContain("/help?country=MX");
		assertThat(older.get(STEP).body()).contains("theme-ages-14-17").doesNotContain("theme-ages-8-10");
		assertThat(plain.get(STEP).body()).isEqualTo(plainPage);
	}

	@Test
	void aFirstStepOfferingTheConfidenceCheckIsRenderedForEachBrowserWithItsOwnToken() {
		String first = "/learn/sextortion?step=1";
		Browserless a = browserOf(learner(Band.AGES_11_13, Secrets.newToken()));
		Browserless b = browserOf(learner(Band.AGES_11_13, Secrets.newToken()));
		long renders = this.steps.renders();

		String pageA = a.get(first).body();
		String pageB = b.get(first).body();

		assertThat(pageA).contains("/learn/sextortion/check/before");
		assertThat(pageB).contains("/learn/sextortion/check/before");
		assertThat(this.steps.renders()).as("never kept, never taken from memory").isEqualTo(renders);
		assertThat(b.post("/learn/sextortion/check/before", pageB, Map.of("skip", "1")).statusCode())
			.as("B's form holds B's token").isEqualTo(302);
		assertThat(a.post("/learn/sextortion/check/before", pageA, Map.of("skip", "1")).statusCode())
			.as("A's form holds A's token").isEqualTo(302);
		assertThat(a.get(first).body()).as("skipped: the step is a shared page now")
			.doesNotContain("/learn/sextortion/check/before");
	}

	@Test
	void anAddressWithMoreThanTheStepIsRenderedForItselfAndNeverKept() {
		Browserless reader = browserOf(learner(Band.AGES_8_10, Secrets.newToken()));
		reader.get(STEP);
		long renders = this.steps.renders();

		HttpResponse<String> other = reader.get(STEP + "&utm=x");

		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).contains("utm");
		assertThat(this.steps.renders()).as("rendered by the template, not through the kept pages").isEqualTo(renders);
		assertThat(reader.get(STEP).body()).doesNotContain("utm");
	}

	private String learner(Band band, String token) {
		this.store.create(null, band, Secrets.sha256(token));
		return token;
	}

	private Browserless browserOf(String token) {
		Browserless browser = new Browserless(this.port);
		browser.cookie(LearnerCookie.NAME, token);
		return browser;
	}

	/**
	 * The response's headers, with what differs by nature between two responses masked: the date,
	 * and the value of the CSRF cookie each new browser is given (its attributes stay).
	 */
	private static Map<String, String> headers(HttpResponse<String> response) {
		return new TreeMap<>(response.headers()
			.map()
			.entrySet()
			.stream()
			.filter((header) -> !header.getKey().equalsIgnoreCase("date"))
			.collect(Collectors.toMap((header) -> header.getKey().toLowerCase(java.util.Locale.ROOT),
					(header) -> String.join("\n", header.getValue()).replaceAll("(safesteps_csrf=)[^;]+", "$1…"))));
	}

}
