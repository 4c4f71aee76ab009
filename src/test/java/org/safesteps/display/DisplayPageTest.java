package org.safesteps.display;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.support.Browserless;
import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /display} without a browser: the form, the cookie, the classes on every page, the way back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisplayPageTest {

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void formIsAFieldsetOfCheckboxesWithALegend() {
		HttpResponse<String> page = new Browserless(this.port).get("/display?return=/parents");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<fieldset class=\"display-options\">", "<legend>What helps you?</legend>")
			.contains("type=\"checkbox\" id=\"largerText\"", "id=\"dyslexiaFont\"", "id=\"highContrast\"",
					"id=\"reducedMotion\"", "id=\"readAloud\"")
			.contains("name=\"return\" value=\"/parents\"");
	}

	@Test
	void everyPageLinksToTheOptionsWithItsOwnPathAndBand() {
		Browserless browser = new Browserless(this.port);
		assertThat(browser.get("/parents/sextortion").body()).contains("href=\"/display?return=/parents/sextortion\"");
		assertThat(browser.get("/help?country=GB&band=ages-5-7").body())
			.contains("href=\"/display?return=/help?country%3DGB%26band%3Dages-5-7&amp;band=ages-5-7\"");
		assertThat(browser.get("/login").body()).contains("?return=/login\">Display options</a>");
	}

	@Test
	void savingSetsALongLivedLaxHttpOnlyCookieAndGoesBack() {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> form = browser.get("/display");
		HttpResponse<String> saved = browser.post("/display", form.body(),
				Map.of("largerText", "on", "highContrast", "on", "return", "/parents/sextortion"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/parents/sextortion");
		String cookie = saved.headers().allValues("Set-Cookie").stream()
			.filter((c) -> c.startsWith(DisplayOptions.COOKIE + "="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).startsWith("safesteps_display=larger-text.high-contrast;")
			.contains("Path=/", "Max-Age=31536000", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void chosenOptionsAreClassesOnEveryPageInEveryTheme() {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> form = browser.get("/display");
		browser.post("/display", form.body(), Map.of("largerText", "on", "dyslexiaFont", "on", "highContrast", "on",
				"reducedMotion", "on"));
		String classes = "display-larger-text display-dyslexia-font display-high-contrast display-reduced-motion";
		assertThat(browser.get("/").body()).contains("class=\"theme-base " + classes + "\"");
		assertThat(browser.get("/parents").body()).contains("class=\"theme-parents " + classes + "\"");
		assertThat(browser.get("/login").body()).contains("class=\"theme-teachers " + classes + "\"");
		assertThat(browser.get("/help?band=ages-8-10").body()).contains("class=\"theme-ages-8-10 " + classes + "\"");
		assertThat(browser.get("/no-such-page").body()).contains("class=\"theme-base " + classes + "\"");
		assertThat(browser.get("/display").body()).contains("id=\"largerText\" name=\"largerText\" value=\"on\" checked");
	}

	@Test
	void withoutOptionsPagesHaveTheThemeClassOnly() {
		assertThat(new Browserless(this.port).get("/").body()).contains("<body class=\"theme-base\"");
	}

	@Test
	void badCookieValuesAreIgnored() {
		Http http = new Http(this.port);
		assertThat(http.get("/", "Cookie", "safesteps_display=huge-text.onload=alert.high-contrast").body())
			.contains("<body class=\"theme-base display-high-contrast\"").doesNotContain("huge-text", "alert");
		assertThat(http.get("/", "Cookie", "safesteps_display=" + "x".repeat(300)).body())
			.contains("<body class=\"theme-base\"");
	}

	@Test
	void badFormValuesAreIgnoredAndOnlyChosenWordsAreKept() {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> form = browser.get("/display");
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("largerText", "<script>");
		fields.put("colour", "hotpink");
		fields.put("band", "ages-99");
		HttpResponse<String> saved = browser.post("/display", form.body(), fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(browser.cookie(DisplayOptions.COOKIE)).isEqualTo("larger-text");
	}

	@Test
	void returnPathToAnotherSiteGoesHomeInstead() {
		for (String wanted : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example" }) {
			Browserless browser = new Browserless(this.port);
			HttpResponse<String> form = browser.get("/display");
			HttpResponse<String> saved = browser.post("/display", form.body(), Map.of("return", wanted));
			assertThat(saved.headers().firstValue("Location").orElseThrow()).as(wanted)
				.isEqualTo("http://localhost:" + this.port + "/");
		}
		assertThat(new Browserless(this.port).get("/display?return=//evil.example/").body())
			.contains("name=\"return\" value=\"/\"");
	}

	@Test
	void readAloudIsOnForTheYoungestBandUnlessSwitchedOff() {
		Browserless browser = new Browserless(this.port);
		assertThat(browser.get("/display?band=ages-5-7").body()).contains("id=\"readAloud\" name=\"readAloud\" value=\"on\"")
			.containsPattern("id=\"readAloud\"[^>]*checked");
		assertThat(browser.get("/help?band=ages-5-7").body()).contains("data-read-aloud=\"true\"");
		assertThat(browser.get("/help?band=ages-8-10").body()).contains("data-read-aloud=\"false\"");

		// Saving other options from a base page leaves read-aloud to each theme.
		HttpResponse<String> form = browser.get("/display");
		browser.post("/display", form.body(), Map.of("largerText", "on"));
		assertThat(browser.get("/help?band=ages-5-7").body()).contains("data-read-aloud=\"true\"");

		// Switched off in the youngest band: off there too.
		form = browser.get("/display?band=ages-5-7");
		browser.post("/display", form.body(), Map.of("band", "ages-5-7"));
		assertThat(browser.cookie(DisplayOptions.COOKIE)).isEqualTo("no-read-aloud");
		assertThat(browser.get("/help?band=ages-5-7").body()).contains("data-read-aloud=\"false\"");

		// Switched on anywhere: on in every theme.
		form = browser.get("/display?band=ages-14-17");
		browser.post("/display", form.body(), Map.of("band", "ages-14-17", "readAloud", "on"));
		assertThat(browser.cookie(DisplayOptions.COOKIE)).isEqualTo("read-aloud");
		assertThat(browser.get("/help?band=ages-14-17").body()).contains("data-read-aloud=\"true\"");
	}

	@Test
	void listenButtonsAreRenderedHiddenOnLessonsQuizzesAndResultsOnlyWhenReadAloudIsOn() {
		String youngest = lessonOf(Band.AGES_5_7, null);
		assertThat(youngest).contains("data-listen-root", "data-listen hidden", "data-listen-stop=\"Stop\"", ">Listen</span>");
		assertThat(lessonOf(Band.AGES_8_10, null)).contains("data-listen-root").doesNotContain("data-listen hidden");
		assertThat(lessonOf(Band.AGES_8_10, "read-aloud")).contains("data-listen hidden");
		assertThat(lessonOf(Band.AGES_5_7, "no-read-aloud")).doesNotContain("data-listen hidden");
	}

	private String lessonOf(Band band, String display) {
		Browserless child = new Browserless(this.port);
		HttpResponse<String> form = child.get("/join");
		child.post("/join", form.body(), Map.of("code", this.classes.create("Listen " + band.id(), band, "t").joinCode()));
		if (display != null) {
			HttpResponse<String> options = child.get("/display?band=" + band.id());
			Map<String, String> fields = new LinkedHashMap<>(Map.of("band", band.id()));
			if (display.equals("read-aloud")) {
				fields.put("readAloud", "on");
			}
			child.post("/display", options.body(), fields);
			assertThat(child.cookie(DisplayOptions.COOKIE)).isEqualTo(display);
		}
		String module = this.curriculum.modulesFor(band).get(0).id();
		String lesson = child.get("/learn/" + module).body();
		String quiz = child.get("/learn/" + module + "/quiz").body();
		assertThat(quiz.contains("data-listen hidden")).isEqualTo(lesson.contains("data-listen hidden"));
		return lesson;
	}

}
