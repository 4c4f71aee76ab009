package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CurriculumRenderingTest {

	private static Curriculum curriculum;

	private static Lesson friends;

	@BeforeAll
	static void load() {
		curriculum = TestContent.valid().curriculum();
		friends = curriculum.module("online-friends").flatMap(module -> module.lesson(Band.AGES_8_10)).orElseThrow();
	}

	@Test
	void lessonIsSplitIntoStepsAtLevelTwoHeadings() {
		assertThat(friends.title()).isEqualTo("Tricky online friends");
		assertThat(friends.summary()).isEqualTo("Some online friends are not who they say they are.");
		assertThat(friends.steps()).extracting(Step::id)
			.containsExactly("new-friend", "good-and-bad-secrets", "who-can-help");
		assertThat(friends.steps()).extracting(Step::title)
			.containsExactly("A new friend", "Good and bad secrets", "Who can help?");
	}

	@Test
	void stepBodyHoldsItsTextButNotItsHeading() {
		String body = friends.steps().get(0).body().forCountry("GB");
		assertThat(body).startsWith("<p>Sam plays a game after school.")
			.doesNotContain("<h2")
			.doesNotContain("Good and bad secrets");
	}

	@Test
	void calloutsRenderAsLabelledAsides() {
		assertThat(friends.steps().get(0).body().forCountry("GB"))
			.contains("<aside class=\"callout callout-scenario\" aria-label=\"Story\">\n"
					+ "<p>The new player sends Sam lots of gifts in the game.</p>\n</aside>");
		assertThat(friends.steps().get(1).body().forCountry("GB"))
			.contains("<aside class=\"callout callout-tip\" aria-label=\"Tip\">");
		assertThat(friends.steps().get(2).body().forCountry("GB"))
			.contains("<aside class=\"callout callout-talk\" aria-label=\"Talk about it\">")
			.contains("<aside class=\"callout callout-help\" aria-label=\"Need help?\">");
	}

	@Test
	void rawHtmlIsShownAsTextNeverRun() {
		String body = friends.steps().get(1).body().forCountry("GB");
		assertThat(body).contains("&lt;script&gt;").doesNotContain("<script");
	}

	@Test
	void linksToOtherSitesOpenSafelyInANewTabAndSiteLinksDoNot() {
		String body = friends.steps().get(1).body().forCountry("GB");
		assertThat(body).contains("<a href=\"https://www.example.org/kids\" class=\"external\" target=\"_blank\""
				+ " rel=\"noopener noreferrer\">a safety site</a>");
		assertThat(body).contains("<a href=\"/help\">the help page</a>");
		assertThat(body).contains("<a href=\"/learn/sextortion\">pictures</a>");
	}

	@Test
	void helpBoxListsTheChildServicesOfTheReadersCountryEmergencyFirst() {
		String body = friends.steps().get(2).body().forCountry("GB");
		assertThat(body).contains("<p>You are not in trouble. Tell a grown-up you trust.</p>\n"
				+ "<div class=\"help-services\">\n"
				+ "<p class=\"help-emergency\">In an emergency, call <a href=\"tel:999\">999</a>.</p>\n");
		assertThat(body).contains("<li class=\"help-service\"><a href=\"https://www.childline.org.uk/\""
				+ " class=\"external help-name\" target=\"_blank\" rel=\"noopener noreferrer\">Childline</a>"
				+ " <span class=\"help-what\">Talk to a counsellor about anything, for free.</span>"
				+ " <span class=\"help-who\">Anyone under 19 in the UK.</span>"
				+ " <span class=\"help-phone\"><a href=\"tel:08001111\">0800 1111</a></span></li>");
		assertThat(body).contains("CEOP Safety Centre").doesNotContain("NSPCC").doesNotContain("Take It Down");
		assertThat(body.indexOf("help-emergency")).isLessThan(body.indexOf("CEOP"));
		assertThat(body.indexOf("<div class=\"help-services\">")).isLessThan(body.lastIndexOf("</aside>"));
	}

	@Test
	void helpBoxForAnUnknownCountryShowsTheInternationalServices() {
		Html body = friends.steps().get(2).body();
		assertThat(body.hasHelp()).isTrue();
		assertThat(body.forCountry("FR")).contains("Take It Down").doesNotContain("Childline")
			.doesNotContain("help-emergency");
		assertThat(body.forCountry(null)).isEqualTo(body.forCountry("INTL"));
		assertThat(body.forCountry("gb")).isEqualTo(body.forCountry("GB"));
	}

	@Test
	void countryWithoutServicesForTheAudienceShowsNoEmptyList() {
		Curriculum noChildServices = TestContent.valid()
			.replace("help/services.yml", "audiences: [child, parent]\n        web: https://takeitdown",
					"audiences: [parent]\n        web: https://takeitdown")
			.curriculum();
		String body = noChildServices.module("online-friends").orElseThrow().lesson(Band.AGES_8_10).orElseThrow()
			.steps().get(2).body().forCountry("FR");
		assertThat(body).contains("<div class=\"help-services\">\n</div>").doesNotContain("<ul class=\"help-list\">");
	}

	@Test
	void stepWithoutHelpBoxIsTheSameForEveryCountry() {
		Html body = friends.steps().get(0).body();
		assertThat(body.hasHelp()).isFalse();
		assertThat(body.forCountry("GB")).isEqualTo(body.forCountry("FR"));
	}

	@Test
	void guidancePagesShowTheParentServices() {
		GuidePage guide = curriculum.guide("sextortion").orElseThrow();
		assertThat(guide.title()).isEqualTo("Sextortion: what parents need to know");
		assertThat(guide.topic()).isEqualTo("images");
		assertThat(guide.modules()).containsExactly("sextortion");
		assertThat(guide.urgent()).isTrue();
		String body = guide.body().forCountry("GB");
		assertThat(body).contains("<h2 id=\"what-your-child-learns\">What your child learns</h2>")
			.contains("NSPCC Helpline")
			.contains("CEOP Safety Centre")
			.doesNotContain("Childline")
			.doesNotContain("title:");
	}

	@Test
	void teacherNotesKeepTheirHeadingsAndShowAdultServices() {
		TeacherNotes notes = curriculum.module("online-friends").orElseThrow().teacherNotes();
		assertThat(notes.summary()).startsWith("A lesson about online friends");
		assertThat(notes.body().forCountry("GB")).contains("<h2 id=\"if-a-child-discloses\">If a child discloses</h2>")
			.contains("NSPCC Helpline")
			.doesNotContain("Childline");
	}

	@Test
	void helpServicesAreHtmlEscaped() {
		Curriculum escaped = TestContent.valid()
			.replace("help/services.yml", "what: Helps remove nude images", "what: <b>Helps</b> & removes nude images")
			.curriculum();
		String body = escaped.module("online-friends").orElseThrow().lesson(Band.AGES_8_10).orElseThrow()
			.steps().get(2).body().forCountry("FR");
		assertThat(body).contains("&lt;b&gt;Helps&lt;/b&gt; &amp; removes").doesNotContain("<b>");
	}

}
