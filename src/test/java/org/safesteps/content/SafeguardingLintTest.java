package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeguardingLintTest {

	private static final String LESSON = "modules/online-friends/ages-8-10.md";

	private static final String STRANGER_DANGER = "avoid \"stranger danger\": Most harm comes from people a child knows"
			+ " or has come to trust online; the phrase teaches the wrong picture. Say instead: Talk about tricky people"
			+ " and uh-oh feelings.";

	private static final String SEXTING = "avoid \"sexting\": UKCIS guidance uses \"sharing nudes and semi-nudes\";"
			+ " \"sexting\" is vague and can sound like a game. Say instead: sharing nudes and semi-nudes, nude images";

	@Test
	void avoidedPhraseInALessonIsReportedWithItsLine() {
		assertThat(TestContent.valid().replace(LESSON, "Sam plays a game", "Remember stranger danger. Sam plays a game")
			.problems()).containsExactly(LESSON + ":8: " + STRANGER_DANGER);
	}

	@Test
	void matchingIgnoresCaseLineBreaksAndCurlyApostrophes() {
		assertThat(TestContent.valid()
			.replace(LESSON, "Sam plays a game", "STRANGER\nDanger! You shouldn’t have. Sam plays a game")
			.problems()).containsExactly(LESSON + ":8: " + STRANGER_DANGER, LESSON + ":9: avoid \"you shouldn't have\":"
					+ " Blames the child for what someone else did. Say instead: Say what to do now and who can help.");
	}

	@Test
	void phraseInsideALongerWordIsNotReported() {
		assertThat(TestContent.valid().replace(LESSON, "Sam plays a game", "Sam plays sextingo, a game").problems())
			.isEmpty();
	}

	@Test
	void phraseInTheFrontMatterIsReported() {
		assertThat(TestContent.valid().replace(LESSON, "title: Tricky online friends", "title: Stranger danger").problems())
			.containsExactly(LESSON + ":2: " + STRANGER_DANGER);
	}

	@Test
	void glossaryParagraphMayExplainAnAllowedPhrase() {
		assertThat(TestContent.valid()
			.replace(LESSON, "Sam plays a game", "**Sexting** is an old word for sharing nudes.\n\nSam plays a game")
			.problems()).isEmpty();
	}

	@Test
	void allowedPhraseOutsideAGlossaryParagraphIsReported() {
		assertThat(TestContent.valid()
			.replace(LESSON, "Sam plays a game", "Sexting is risky.\n\n**Sexting** is an old word.\n\nSam plays a game")
			.problems()).containsExactly(LESSON + ":8: " + SEXTING);
	}

	@Test
	void phraseWithoutGlossaryAllowanceIsReportedEvenInBold() {
		assertThat(TestContent.valid()
			.replace(LESSON, "Sam plays a game", "**Stranger danger** is an old idea.\n\nSam plays a game")
			.problems()).containsExactly(LESSON + ":8: " + STRANGER_DANGER);
	}

	@Test
	void avoidedPhraseInQuizFeedbackIsReportedWithItsLine() {
		assertThat(TestContent.valid()
			.replace("modules/online-friends/ages-8-10.quiz.yml", "feedback: Stopping first means they get nothing more.",
					"feedback: Why did you keep chatting?")
			.problems()).containsExactly("modules/online-friends/ages-8-10.quiz.yml:48: avoid \"why did you\": A \"why\""
					+ " question about what happened sounds like blame and stops children talking. Say instead: Thank you"
					+ " for telling me. Let's sort this out together.");
	}

	@Test
	void avoidedPhraseInAScenarioOutcomeIsReported() {
		assertThat(TestContent.valid()
			.replace("modules/online-friends/ages-8-10.quiz.yml", "outcome: The friend asks for more and more.",
					"outcome: It was her own fault, she was asking for it.")
			.problems()).containsExactly("modules/online-friends/ages-8-10.quiz.yml:65: avoid \"asking for it\":"
					+ " Victim-blaming. Say instead: Nobody deserves to be pressured, tricked or threatened.");
	}

	@Test
	void avoidedPhraseInAGuidancePageIsReported() {
		assertThat(TestContent.valid()
			.replace("guidance/sextortion.md", "These services can help you today.", "Never say you will be arrested.")
			.problems()).containsExactly("guidance/sextortion.md:19: avoid \"you will be arrested\": Fear of the police"
					+ " stops children asking for help; the law protects children who are exploited. Say instead: You will"
					+ " not be in trouble for asking for help.");
	}

	@Test
	void teacherNotesMayQuoteThePhrasesToAvoid() {
		assertThat(TestContent.valid()
			.replace("modules/online-friends/teacher.md", "Listen, stay calm", "Never ask \"why did you\". Listen, stay calm")
			.problems()).isEmpty();
	}

	@Test
	void sensitiveLessonWithoutHelpBoxIsReported() {
		assertThat(TestContent.valid()
			.replace("modules/sextortion/ages-11-13.md", ":::help\nYou will not be in trouble for asking for help.\n:::\n", "")
			.problems()).containsExactly("modules/sextortion/ages-11-13.md:1: lesson of a sensitive module has no :::help box");
	}

	@Test
	void sensitiveLessonThatDoesNotSayNotYourFaultIsReported() {
		assertThat(TestContent.valid()
			.replace("modules/sextortion/ages-11-13.md", "## It is not your fault", "## Who is to blame")
			.replace("modules/sextortion/ages-11-13.md", "it is not your fault.", "you did nothing wrong.")
			.problems()).containsExactly(
					"modules/sextortion/ages-11-13.md:1: lesson of a sensitive module does not say \"not your fault\"");
	}

	@Test
	void modulesMarkedSensitiveGetTheSameChecks() {
		assertThat(TestContent.valid()
			.replace("modules/online-friends/module.yml", "sensitive: false", "sensitive: true")
			.problems()).containsExactly(
					"modules/online-friends/ages-8-10.md:1: lesson of a sensitive module does not say \"not your fault\"");
	}

}
