package org.safesteps.guidance;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.support.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuidancePagesTest {

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void parentsPageListsTheUrgentPagesBeforeTheTopics() {
		String page = this.http.get("/parents").body();
		assertThat(page).contains("class=\"theme-parents\"", "If something is happening now",
				"Someone is threatening to share an image of my child", "My child has shared a nude image",
				"I think someone is grooming my child");
		assertThat(page.indexOf("/parents/threatened-image")).isLessThan(page.indexOf("/parents/sextortion"));
		assertThat(page).contains("does not clear your browser history");
	}

	@Test
	void aGuidePageEndsWithTheHelpServicesOfTheParentsCountry() {
		String gb = this.http.get("/parents/threatened-image", "Accept-Language", "en-GB").body();
		assertThat(gb).contains("CEOP Safety Centre", "tel:999");
		String au = this.http.get("/parents/threatened-image", "Accept-Language", "en-AU").body();
		assertThat(au).contains("eSafety", "tel:000").doesNotContain("tel:999");
	}

	@Test
	void helpListsTheCountrysCrisisLineRightAfterTheEmergencyNumber() {
		String gb = this.http.get("/help?country=GB").body();
		assertThat(gb).contains("If you feel you cannot go on", "Samaritans", "tel:116123");
		assertThat(gb.indexOf("If you feel you cannot go on")).isGreaterThan(gb.indexOf("tel:999"))
			.isLessThan(gb.indexOf("For children and young people"));
		String france = this.http.get("/help?country=FR").body();
		assertThat(france).doesNotContain("If you feel you cannot go on");
	}

	@Test
	void helpShowsTextChannelsBesidePhoneAndWeb() {
		assertThat(this.http.get("/help?country=CA").body()).contains("href=\"sms:686868\"", "Text CONNECT to 686868",
				"9-8-8 Suicide Crisis Helpline");
		assertThat(this.http.get("/help?country=NZ").body()).contains("1737, Need to talk?", "href=\"sms:1737\"");
	}

	@Test
	void unknownGuideIsAThemedNotFound() {
		HttpResponse<String> missing = this.http.get("/parents/not-a-guide");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("theme-parents", "We cannot find that page");
	}

	@Test
	void helpShowsTheEmergencyNumberFirstThenServicesForChildrenAndParents() {
		String page = this.http.get("/help?country=US").body();
		assertThat(page).contains("tel:911", "CyberTipline", "For children and young people", "For parents, carers and teachers");
		assertThat(page.indexOf("tel:911")).isLessThan(page.indexOf("CyberTipline"));
	}

	@Test
	void helpDefaultsToTheBrowserLanguageRegionAndFallsBackToInternationalServices() {
		assertThat(this.http.get("/help", "Accept-Language", "en-NZ,en;q=0.8").body()).contains("Netsafe", "tel:111");
		String france = this.http.get("/help", "Accept-Language", "fr-FR").body();
		assertThat(france).contains("We do not list services for that country yet", "Take It Down", "INHOPE")
			.contains("call your local emergency number");
		assertThat(this.http.get("/help").body()).contains("Take It Down");
	}

	@Test
	void aChosenCountryIsRememberedWithoutPersonalData() {
		HttpResponse<String> chosen = this.http.get("/help?country=ie");
		assertThat(chosen.headers().allValues("Set-Cookie").stream().filter((c) -> c.startsWith("safesteps_country=")))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("safesteps_country=IE;").contains("HttpOnly", "SameSite=Lax"));
		assertThat(this.http.get("/help", "Cookie", "safesteps_country=IE").body()).contains("Hotline.ie");
	}

	@Test
	void aBandOnTheHelpLinkShowsTheHelpPageInThatBandsTheme() {
		assertThat(this.http.get("/help?country=GB&band=ages-5-7").body()).contains("class=\"theme-ages-5-7\"");
	}

	@Test
	void privacyPagesExplainWhatIsKeptForChildrenAndForAdults() {
		assertThat(this.http.get("/privacy").body()).contains("We never ask for your name", "Forget me on this device");
		assertThat(this.http.get("/privacy/full").body()).contains("400 days", "No names, e-mail addresses");
	}

}
