package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per rule of the content format: each problem is reported as {@code path:line: message}. */
class ContentValidationTest {

	private static final String FRIENDS = "modules/online-friends/";

	private static final String LESSON = FRIENDS + "ages-8-10.md";

	private static final String MINIMAL_LESSON = """
			---
			title: Feelings
			summary: Uh-oh feelings.
			---
			## Uh-oh feelings

			Some things give you an uh-oh feeling.
			""";

	private static final String MINIMAL_QUIZ = """
			questions:
			  - id: tell
			    type: single
			    text: Who do you tell?
			    options:
			      - id: adult
			        text: A grown-up
			        correct: true
			        feedback: Yes.
			""";

	@Test
	void unknownBandInModuleYmlIsReportedWithItsLine() {
		assertThat(TestContent.valid()
			.replace(FRIENDS + "module.yml", "bands: [ages-8-10]", "bands: [ages-8-10, ages-3-4]")
			.problems()).containsExactly(
					"modules/online-friends/module.yml:6: unknown band 'ages-3-4' (ages-5-7, ages-8-10, ages-11-13, ages-14-17)");
	}

	@Test
	void lessonFileForAnUnknownBandIsReported() {
		assertThat(TestContent.valid().with(FRIENDS + "ages-3-4.md", MINIMAL_LESSON).problems()).containsExactly(
				"modules/online-friends/ages-3-4.md:1: unknown band 'ages-3-4' in the file name (ages-5-7, ages-8-10, ages-11-13, ages-14-17)");
	}

	@Test
	void listedBandWithoutLessonIsReportedOnItsBandsLine() {
		assertThat(TestContent.valid().without(LESSON).problems())
			.containsExactly("modules/online-friends/module.yml:6: band ages-8-10 has no lesson: add ages-8-10.md");
	}

	@Test
	void listedBandWithoutQuizIsReportedOnItsBandsLine() {
		assertThat(TestContent.valid().without(FRIENDS + "ages-8-10.quiz.yml").problems())
			.containsExactly("modules/online-friends/module.yml:6: band ages-8-10 has no quiz: add ages-8-10.quiz.yml");
	}

	@Test
	void bandsListedInBlockStyleReportTheirOwnLines() {
		assertThat(TestContent.valid()
			.replace(FRIENDS + "module.yml", "bands: [ages-8-10]", "bands:\n  - ages-8-10\n  - ages-5-7")
			.problems()).containsExactly(
					"modules/online-friends/module.yml:8: band ages-5-7 has no lesson: add ages-5-7.md",
					"modules/online-friends/module.yml:8: band ages-5-7 has no quiz: add ages-5-7.quiz.yml");
	}

	@Test
	void lessonAndQuizForABandTheModuleDoesNotListAreReported() {
		assertThat(TestContent.valid()
			.with(FRIENDS + "ages-5-7.md", MINIMAL_LESSON)
			.with(FRIENDS + "ages-5-7.quiz.yml", MINIMAL_QUIZ)
			.problems()).containsExactly(
					"modules/online-friends/ages-5-7.md:1: lesson for band ages-5-7, which module.yml does not list",
					"modules/online-friends/ages-5-7.quiz.yml:1: quiz for band ages-5-7, which module.yml does not list");
	}

	@Test
	void moduleIdNotMatchingItsFolderIsReported() {
		assertThat(TestContent.valid()
			.replace(FRIENDS + "module.yml", "id: online-friends", "id: friends")
			.problems())
			.containsExactly("modules/online-friends/module.yml:1: module id 'friends' does not match its folder 'online-friends'");
	}

	@Test
	void duplicateModuleIdIsReported() {
		TestContent content = TestContent.valid();
		for (String file : new String[] { "module.yml", "ages-8-10.md", "ages-8-10.quiz.yml", "teacher.md" }) {
			content.with("modules/online-friends-2/" + file, content.text(FRIENDS + file));
		}
		assertThat(content.problems()).containsExactlyInAnyOrder(
				"modules/online-friends-2/module.yml:1: duplicate module id 'online-friends' (also in modules/online-friends/module.yml)",
				"modules/online-friends-2/module.yml:1: module id 'online-friends' does not match its folder 'online-friends-2'");
	}

	@Test
	void missingModuleFieldsAreReported() {
		assertThat(TestContent.valid()
			.replace(FRIENDS + "module.yml", "title: Friends you meet online\n", "")
			.replace(FRIENDS + "module.yml", "order: 2\n", "")
			.problems()).containsExactly("modules/online-friends/module.yml:1: module.yml has no 'order' (a whole number)",
					"modules/online-friends/module.yml:1: module.yml has no 'title'");
	}

	@Test
	void moduleFolderWithoutModuleYmlIsReported() {
		assertThat(TestContent.valid().with("modules/draft/ages-8-10.md", MINIMAL_LESSON).problems())
			.containsExactly("modules/draft:1: module folder has no module.yml");
	}

	@Test
	void moduleWithoutTeacherNotesIsReported() {
		assertThat(TestContent.valid().without(FRIENDS + "teacher.md").problems())
			.containsExactly("modules/online-friends:1: module folder has no teacher.md (teacher notes)");
	}

	@Test
	void moduleGuidePointingAtAMissingPageIsReported() {
		assertThat(TestContent.valid()
			.replace("modules/sextortion/module.yml", "guide: sextortion", "guide: threats")
			.problems())
			.containsExactly("modules/sextortion/module.yml:11: guide 'threats' not found: there is no guidance/threats.md");
	}

	@Test
	void guidancePageListingAnUnknownModuleIsReported() {
		assertThat(TestContent.valid()
			.replace("guidance/sextortion.md", "modules: [sextortion]", "modules: [sextortion, threats]")
			.problems()).containsExactly("guidance/sextortion.md:5: unknown module 'threats' in modules");
	}

	@Test
	void duplicateGuidancePageIdIsReported() {
		TestContent content = TestContent.valid();
		content.with("guidance/more/sextortion.md", content.text("guidance/sextortion.md"));
		assertThat(content.problems()).containsExactly(
				"guidance/sextortion.md:1: duplicate guidance page id 'sextortion' (also guidance/more/sextortion.md)");
	}

	@Test
	void linkToAMissingModuleIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(LESSON, "(/learn/sextortion)", "(/learn/threats/quiz)").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:23: broken link /learn/threats/quiz: there is no module 'threats'");
	}

	@Test
	void linkToAMissingGuidancePageIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(LESSON, "(/help)", "(/parents/threats#top)").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:22: broken link /parents/threats#top: there is no guidance page 'threats'");
	}

	@Test
	void linksToExistingPagesAndToHelpAreAccepted() {
		assertThat(TestContent.valid()
			.replace(LESSON, "(/help)", "(/help?country=GB)")
			.replace(LESSON, "(/learn/sextortion)", "(/parents/sextortion)")
			.problems()).isEmpty();
	}

	@Test
	void pictureFromAnotherSiteIsReported() {
		assertThat(TestContent.valid().replace(LESSON, "Sam plays a game", "![Sam](https://cdn.example.org/sam.png) Sam plays a game")
			.problems()).containsExactly("modules/online-friends/ages-8-10.md:8: picture from another site "
					+ "(https://cdn.example.org/sam.png): store pictures with the content, pages make no third-party requests");
	}

	@Test
	void unknownCalloutKindIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(LESSON, ":::tip", ":::warning").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:18: unknown callout ':::warning' (use tip, talk, scenario or help)");
	}

	@Test
	void unclosedCalloutIsReportedWithItsOpeningLine() {
		assertThat(TestContent.valid()
			.replace(LESSON, "Tell a grown-up you trust.\n:::\n", "Tell a grown-up you trust.\n")
			.problems()).containsExactly("modules/online-friends/ages-8-10.md:33: callout ':::help' is not closed: end it with a line ':::'");
	}

	@Test
	void lessonWithoutStepsIsReported() {
		assertThat(TestContent.valid().with(LESSON, "---\ntitle: Friends\nsummary: Friends.\n---\n\nJust text.\n").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:1: lesson has no steps: start each step with a ## heading",
					"modules/online-friends/ages-8-10.md:6: text before the first ## heading: every step starts with a ## heading");
	}

	@Test
	void textBeforeTheFirstStepIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(LESSON, "\n## A new friend", "\nHello.\n\n## A new friend").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:6: text before the first ## heading: every step starts with a ## heading");
	}

	@Test
	void duplicateStepIdIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(LESSON, "## Who can help?", "## Who can help? {#new-friend}").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:27: duplicate step id 'new-friend'");
	}

	@Test
	void lessonWithoutTitleIsReported() {
		assertThat(TestContent.valid().replace(LESSON, "title: Tricky online friends\n", "").problems())
			.containsExactly("modules/online-friends/ages-8-10.md:1: lesson has no 'title' in its front matter");
	}

	@Test
	void missingLintListAndHelpDirectoryAreReported() {
		assertThat(TestContent.valid().without("lint.yml").without("help/services.yml").problems()).containsExactly(
				"help/services.yml:1: missing: the help directory is required",
				"lint.yml:1: missing: the safeguarding lint list is required");
	}

	@Test
	void invalidYamlIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(FRIENDS + "module.yml", "minutes: 30", "minutes: [30").problems())
			.containsExactly("modules/online-friends/module.yml:11: invalid YAML: expected ',' or ']', but got :");
	}

}
