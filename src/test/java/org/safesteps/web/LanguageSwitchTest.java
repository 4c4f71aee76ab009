package org.safesteps.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.safesteps.support.Http;

/** The language of a page: the switch's cookie, then Accept-Language, then English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LanguageSwitchTest {

	@LocalServerPort
	int port;

	private Http http() {
		return new Http(this.port);
	}

	@Test
	void withoutAChoicePagesAreInEnglishLeftToRightAndOfferEveryLanguageInItsOwnName() {
		String page = http().get("/").body();

		assertThat(page).contains("<html lang=\"en\" dir=\"ltr\">", "Welcome to SafeSteps")
			.contains("href=\"/language?lang=es&amp;return=/\"", ">Español</a>", ">العربية</a>")
			.contains("aria-current=\"true\" lang=\"en\" dir=\"ltr\">English</span>");
	}

	@Test
	void acceptLanguagePicksAShippedLanguageAndIgnoresOthers() {
		assertThat(http().get("/", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5").body())
			.contains("<html lang=\"es\" dir=\"ltr\">", "Te damos la bienvenida a SafeSteps");
		assertThat(http().get("/", "Accept-Language", "fr-FR,ar;q=0.8").body())
			.contains("<html lang=\"ar\" dir=\"rtl\">", "أهلًا بك في SafeSteps");
		assertThat(http().get("/", "Accept-Language", "fr-FR,de;q=0.8").body()).contains("<html lang=\"en\" dir=\"ltr\">");
	}

	@Test
	void theSwitchRemembersTheChoiceForAYearAndGoesBackToThePage() {
		HttpResponse<String> switched = http().get("/language?lang=es&return=/parents?x=1");

		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/parents?x=1");
		String cookie = switched.headers().allValues("Set-Cookie").stream()
			.filter((value) -> value.startsWith("safesteps_lang="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).startsWith("safesteps_lang=es;").contains("Path=/", "Max-Age=31536000", "HttpOnly",
				"SameSite=Lax");
	}

	@Test
	void theSwitchsCookieBeatsAcceptLanguage() {
		String page = http().get("/parents", "Cookie", "safesteps_lang=ar", "Accept-Language", "es").body();

		assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">", "إرشادات للأهل ومقدّمي الرعاية");
	}

	@Test
	void theSwitchNeverRedirectsToAnotherSite() {
		for (String target : new String[] { "https://evil.example/", "//evil.example/", "/\\evil.example",
				"evil.example", "/%0d%0aSet-Cookie:x=y" }) {
			HttpResponse<String> switched = http().get("/language?lang=es&return=" + target.replace("\\", "%5C"));
			String location = switched.headers().firstValue("Location").orElseThrow();
			assertThat(location).as(target).doesNotContain("evil").doesNotContain("Set-Cookie");
		}
		assertThat(LanguageController.sameSitePath("https://evil.example/")).isEqualTo("/");
		assertThat(LanguageController.sameSitePath("//evil.example")).isEqualTo("/");
		assertThat(LanguageController.sameSitePath("/\\evil.example")).isEqualTo("/");
		assertThat(LanguageController.sameSitePath("/learn\r\nX: y")).isEqualTo("/");
		assertThat(LanguageController.sameSitePath("/learn/sextortion?step=2")).isEqualTo("/learn/sextortion?step=2");
	}

	@Test
	void anUnknownLanguageChangesNothing() {
		HttpResponse<String> switched = http().get("/language?lang=xx&return=/help");

		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().allValues("Set-Cookie")).noneMatch((value) -> value.startsWith("safesteps_lang="));
		assertThat(http().get("/", "Cookie", "safesteps_lang=xx").body()).contains("<html lang=\"en\" dir=\"ltr\">");
	}

	@Test
	void aParentGuideWithoutATranslationSaysItIsShownInEnglish() {
		String page = http().get("/parents/trusted-adults?lang=ar").body();

		assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">",
				"هذه الصفحة غير متوفرة بالعربية بعد، لذلك تُعرض بالإنجليزية.")
			.contains("class=\"guide\" lang=\"en\" dir=\"ltr\"");
	}

}
