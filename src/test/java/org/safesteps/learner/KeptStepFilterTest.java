package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.RegistrationBean;
import org.springframework.context.ApplicationContext;

import org.safesteps.account.AccountStore;
import org.safesteps.content.Band;
import org.safesteps.display.DisplayOptions;
import org.safesteps.progress.ProgressStore;
import org.safesteps.support.Browserless;
import org.safesteps.theme.RequestLanguage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept lesson step is answered before Spring Security and MVC with exactly the response the full
 * chain wrote for the same request (every header but the date, and the body), and every request
 * that is not such a step goes through the full chain and gets what it got before. (The default
 * test application: themes trusted for an hour, as for {@link RenderedStepsTest}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeptStepFilterTest {

	private static final String STEP = "/learn/trusted-adults?step=2";

	@LocalServerPort
	int port;

	@Autowired
	KeptStepFilter filter;

	@Autowired
	RenderedSteps steps;

	@Autowired
	LearnerStore store;

	@Autowired
	Learners learners;

	@Autowired
	ProgressStore progress;

	@Autowired
	AccountStore accounts;

	@Autowired
	ApplicationContext context;

	@Test
	void aKeptStepGetsTheHeadersAndBodyTheFullChainWroteForTheSameRequest() {
		for (boolean https : List.of(false, true)) {
			this.steps.clear();
			Browserless reader = reader(Band.AGES_8_10, https);
			long served = this.filter.served();

			HttpResponse<String> full = reader.get(STEP);
			assertThat(this.filter.served()).as("nothing kept yet: the full chain answers").isEqualTo(served);
			HttpResponse<String> fast = reader.get(STEP);
			assertThat(this.filter.served()).as("then the kept response").isEqualTo(served + 1);
			HttpResponse<String> another = reader(Band.AGES_8_10, https).get(STEP);
			assertThat(this.filter.served()).as("for another learner reading it the same way too").isEqualTo(served + 2);

			assertThat(List.of(full.statusCode(), fast.statusCode(), another.statusCode())).containsOnly(200);
			assertThat(fast.body()).isEqualTo(full.body()).isEqualTo(another.body()).contains("Step 2 of");
			assertThat(headers(fast)).isEqualTo(headers(full)).isEqualTo(headers(another));
			assertThat(headers(fast)).containsKeys("content-security-policy", "x-frame-options", "cache-control",
					"pragma", "expires", "x-content-type-options", "referrer-policy", "permissions-policy",
					"content-type", "content-language").doesNotContainKey("set-cookie");
			assertThat(headers(fast).containsKey("strict-transport-security")).as("HSTS over HTTPS only").isEqualTo(https);
		}
	}

	@Test
	void eachLanguageDisplayAndCountryGetsItsOwnKeptResponse() {
		this.steps.clear();
		Browserless plain = reader(Band.AGES_8_10, false);
		Browserless spanish = reader(Band.AGES_8_10, false);
		spanish.cookie(RequestLanguage.COOKIE, "es");
		Browserless larger = reader(Band.AGES_8_10, false);
		larger.cookie(DisplayOptions.COOKIE, "larger-text");
		String plainPage = plain.get(STEP).body();
		plain.get(STEP);
		long served = this.filter.served();

		HttpResponse<String> spanishPage = spanish.get(STEP);
		String largerPage = larger.get(STEP).body();

		assertThat(this.filter.served()).as("not the plain reader's response").isEqualTo(served);
		assertThat(spanishPage.body()).containsPattern("<html[^>]*\\blang=\"es\"").isNotEqualTo(plainPage);
		assertThat(spanishPage.headers().firstValue("Content-Language")).hasValue("es");
		assertThat(largerPage).contains("display-larger-text");
		assertThat(spanish.get(STEP).body()).isEqualTo(spanishPage.body());
		assertThat(larger.get(STEP).body()).isEqualTo(largerPage);
		assertThat(plain.get(STEP).body()).isEqualTo(plainPage);
		assertThat(this.filter.served()).isEqualTo(served + 3);
	}

	@Test
	void everyOtherRequestGoesThroughTheFullChainAndGetsWhatItGotBefore() {
		Browserless reader = reader(Band.AGES_8_10, false);
		reader.get(STEP);
		assertThat(reader.get(STEP).statusCode()).isEqualTo(200);
		long served = this.filter.served();

		// an address with more than the step: rendered for itself
		assertThat(reader.get(STEP + "&utm=x").body()).contains("utm");
		// a step not reached yet: marked by the full chain
		Learner learner = this.store.findByTokenHash(Secrets.sha256(reader.cookie(LearnerCookie.NAME))).orElseThrow();
		assertThat(reader.get("/learn/trusted-adults?step=3").statusCode()).isEqualTo(200);
		assertThat(this.progress.reached(learner.id(), "trusted-adults", 2, totalSteps(learner))).isTrue();
		// a step out of range, a module not in the band: the full chain's 404
		assertThat(reader.get("/learn/trusted-adults?step=99").statusCode()).isEqualTo(404);
		assertThat(reader.get("/learn/no-such-module?step=2").statusCode()).isEqualTo(404);
		// another method: Spring Security refuses a post without the form's token
		assertThat(reader.postRaw(STEP, Map.of()).statusCode()).isEqualTo(403);
		// a cookie of a learning platform's frame (no such registration: the page is as before)
		Browserless framed = reader(Band.AGES_8_10, false);
		framed.cookie("safesteps_lti", "0123456789abcdef01234567");
		assertThat(framed.get(STEP).statusCode()).isEqualTo(200);
		// a browser without the CSRF cookie yet gets one from the full chain
		Browserless fresh = new Browserless(this.port);
		fresh.cookie(LearnerCookie.NAME, learner(Band.AGES_8_10));
		HttpResponse<String> first = fresh.get(STEP);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("safesteps_csrf="));

		assertThat(this.filter.served()).as("none of these answered from the kept responses").isEqualTo(served);
	}

	@Test
	void aForgottenLearnerIsSentToExploreByTheFullChain() {
		Browserless reader = reader(Band.AGES_8_10, false);
		reader.get(STEP);
		assertThat(reader.get(STEP).statusCode()).isEqualTo(200);
		Learner learner = this.store.findByTokenHash(Secrets.sha256(reader.cookie(LearnerCookie.NAME))).orElseThrow();
		long served = this.filter.served();

		this.learners.delete(learner.id());
		HttpResponse<String> after = reader.get(STEP);

		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).get().asString().endsWith("/explore");
		assertThat(this.filter.served()).isEqualTo(served);
	}

	@Test
	void aSignedInTeacherReadingAStepGetsThePageOfTheFullChain() {
		String email = "kept-step-" + UUID.randomUUID() + "@school.example";
		this.accounts.create(email, "Kept Step", "maple river lantern seven", false);
		Browserless teacher = new Browserless(this.port).from("10.251.0." + (1 + (int) (Math.random() * 250)))
			.signIn(email, "maple river lantern seven");
		teacher.cookie(LearnerCookie.NAME, learner(Band.AGES_8_10));
		Browserless reader = reader(Band.AGES_8_10, false);
		reader.get(STEP);
		String learnersPage = reader.get(STEP).body();
		long served = this.filter.served();

		HttpResponse<String> teachers = teacher.get(STEP);
		teacher.get(STEP);

		assertThat(teachers.statusCode()).isEqualTo(200);
		assertThat(teachers.body()).as("no sign-in link for a signed-in teacher").doesNotContain("href=\"/login\"")
			.isNotEqualTo(learnersPage);
		assertThat(learnersPage).contains("href=\"/login\"");
		assertThat(this.filter.served()).isEqualTo(served);
	}

	@Test
	void theRateLimitsAndBodySizeFilterRunBeforeItAndSpringSecurityAfter() {
		int bodySize = order("bodySizeFilter");
		int rateLimits = order("rateLimitFilter");
		int keptStep = order("keptStepFilterRegistration");
		int security = order("securityFilterChainRegistration");

		assertThat(List.of(bodySize, rateLimits, keptStep, security)).isSorted().doesNotHaveDuplicates();
		assertThat(((FilterRegistrationBean<?>) this.context.getBean("keptStepFilterRegistration")).getUrlPatterns())
			.containsExactly("/learn/*");
	}

	private int order(String bean) {
		return ((RegistrationBean) this.context.getBean(bean)).getOrder();
	}

	private int totalSteps(Learner learner) {
		return this.context.getBean(org.safesteps.content.Curriculum.class)
			.module("trusted-adults")
			.flatMap((module) -> module.lesson(learner.band()))
			.orElseThrow()
			.steps()
			.size();
	}

	/** A learner who has read the step once (so it is reached, and the browser holds its CSRF cookie). */
	private Browserless reader(Band band, boolean https) {
		Browserless browser = new Browserless(this.port);
		if (https) {
			browser.viaHttpsProxy();
		}
		browser.cookie(LearnerCookie.NAME, learner(band));
		browser.get("/learn/trusted-adults?step=2");
		assertThat(browser.cookie(KeptStepFilter.CSRF_COOKIE)).isNotNull();
		return browser;
	}

	private String learner(Band band) {
		String token = Secrets.newToken();
		this.store.create(null, band, Secrets.sha256(token));
		return token;
	}

	/** Every header of a response but its date, each name with all its values in order. */
	private static Map<String, String> headers(HttpResponse<String> response) {
		return new TreeMap<>(response.headers()
			.map()
			.entrySet()
			.stream()
			.filter((header) -> !header.getKey().equalsIgnoreCase("date"))
			.collect(Collectors.toMap((header) -> header.getKey().toLowerCase(Locale.ROOT),
					(header) -> String.join("\n", header.getValue()))));
	}

}
