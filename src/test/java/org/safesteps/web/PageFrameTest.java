package org.safesteps.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;
import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the layout puts around every page: the quick exit and help bar on child and parent pages
 * only, the footer's sign-in link only for visitors, and a meta description from the page itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageFrameTest {

	private static final Pattern DESCRIPTION = Pattern.compile("<meta name=\"description\" content=\"([^\"]*)\">");

	private static final String PASSWORD = "long enough teacher passphrase";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Test
	void everyChildAndParentPageHasTheQuickExitAndTheHelpBar() {
		Browserless child = new Browserless(this.port);
		List<String> visitorPages = List.of("/", "/explore", "/explore/ages-5-7", "/explore/ages-14-17", "/join",
				"/help", "/privacy", "/privacy/full", "/display", "/parents", "/parents/sextortion", "/me");
		for (String path : visitorPages) {
			assertHasSafetyFrame(path, child.get(path));
		}
		String band = child.get("/explore/ages-8-10").body();
		HttpResponse<String> started = child.post("/explore/ages-8-10", band, Map.of("module", "trusted-adults"));
		assertThat(started.statusCode()).isEqualTo(302);
		for (String path : List.of("/learn", "/learn/trusted-adults", "/learn/trusted-adults?step=2",
				"/learn/trusted-adults/quiz", "/me")) {
			HttpResponse<String> page = child.get(path);
			assertThat(page.body()).as(path).contains("class=\"theme-ages-8-10\"");
			assertHasSafetyFrame(path, page);
		}
	}

	@Test
	void teacherPagesHaveNeitherTheQuickExitNorTheHelpBarNorASignInLink() {
		Account teacher = this.accounts.create("frame-" + UUID.randomUUID() + "@school.example", "Frame", PASSWORD,
				false);
		SchoolClass schoolClass = this.classes.create("Frame class", Band.AGES_8_10, teacher.id());
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> login = browser.get("/login");
		assertThat(login.body()).as("the sign-in page itself is a teacher page").doesNotContain("data-quick-exit");
		assertThat(browser.post("/login", login.body(), Map.of("username", teacher.email(), "password", PASSWORD))
			.statusCode()).isEqualTo(302);
		for (String path : List.of("/teacher", "/teacher/classes/" + schoolClass.id(),
				"/teacher/modules", "/teacher/modules/trusted-adults/ages-8-10")) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path)
				.contains("class=\"theme-teachers\"")
				.doesNotContain("data-quick-exit", "quick-exit-bar", "class=\"help-bar\"", "Need help now?",
						"You are not in trouble for asking", "Teacher sign-in");
		}
		// a signed-in teacher reading a public page is offered no second sign-in either
		assertThat(browser.get("/help").body()).doesNotContain("Teacher sign-in");
		assertThat(new Browserless(this.port).get("/help").body()).contains("Teacher sign-in");
	}

	@Test
	void eachPageIsDescribedByItsOwnSummary() {
		Browserless reader = new Browserless(this.port);
		assertThat(description(reader.get("/"))).startsWith("Learn how to stay safe online");
		assertThat(description(reader.get("/parents"))).startsWith("Guidance for parents and carers");
		assertThat(description(reader.get("/parents/sextortion")))
			.isNotEqualTo(description(reader.get("/parents/shared-nude")))
			.isNotBlank();
		String band = reader.get("/explore/ages-8-10").body();
		reader.post("/explore/ages-8-10", band, Map.of("module", "trusted-adults"));
		String lesson = description(reader.get("/learn/trusted-adults"));
		assertThat(lesson).isNotBlank().isNotEqualTo(description(reader.get("/learn/online-friends")));
		assertThat(band).contains("<p>" + lesson + "</p>");
		assertThat(description(reader.get("/learn/trusted-adults/quiz"))).isEqualTo(lesson);
		assertThat(description(new Http(this.port).get("/", "Accept-Language", "es-ES"))).startsWith("Aprende a estar seguro");
		assertThat(description(reader.get("/no/such/page"))).startsWith("SafeSteps: short lessons");
	}

	@Test
	void theLessonsHelpBoxAndTheHelpBarNameTheSameCountry() {
		Browserless child = new Browserless(this.port);
		String band = child.get("/explore/ages-8-10").body();
		child.post("/explore/ages-8-10", band, Map.of("module", "trusted-adults"));
		Http http = new Http(this.port);
		String learner = "safesteps_learner=" + child.cookie("safesteps_learner");
		String british = http.get("/learn/trusted-adults?step=6", "Cookie", learner, "Accept-Language", "en-GB").body();
		assertThat(british).contains("/help?country=GB&amp;band=ages-8-10", "Childline").doesNotContain("eSafety");
		// the choice remembered on /help wins over the browser's language region, in both places
		String chosen = http.get("/learn/trusted-adults?step=6", "Cookie", learner + "; safesteps_country=AU",
				"Accept-Language", "en-GB").body();
		assertThat(chosen).contains("/help?country=AU&amp;band=ages-8-10", "eSafety").doesNotContain("Childline");
	}

	private static void assertHasSafetyFrame(String path, HttpResponse<String> page) {
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(page.body()).as(path)
			.contains("data-quick-exit", "Leave this page", "class=\"help-bar\"", "Need help now?")
			.containsPattern(DESCRIPTION);
	}

	private static String description(HttpResponse<String> page) {
		Matcher matcher = DESCRIPTION.matcher(page.body());
		assertThat(matcher.find()).as("a meta description").isTrue();
		return matcher.group(1);
	}

}
