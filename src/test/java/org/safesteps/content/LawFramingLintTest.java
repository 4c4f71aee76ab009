package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped lint.yml rules on the law and images (content guide, "2026 revision"): each
 * criminalising phrasing is an error with its line, and the framing the guide asks for passes.
 */
class LawFramingLintTest {

	private static final String QUIZ = "modules/nude-images/ages-11-13.quiz.yml";

	private static SafeguardingLint shipped() throws IOException {
		Problems problems = new Problems();
		SafeguardingLint lint = SafeguardingLint.read("lint.yml",
				Files.readString(Path.of("content/lint.yml"), StandardCharsets.UTF_8), problems);
		assertThat(problems.sorted()).isEmpty();
		return lint.forLanguage(Localized.ENGLISH);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"In many countries it is against the law for anyone to make or share a nude image.|against the law for anyone to make or share",
			"Sharing one is a crime, even between young people.|even between young people",
			"If you sent it, you broke the law.|you broke the law",
			"Now you have broken the law.|you have broken the law",
			"It is illegal to send a picture of yourself.|illegal to send a picture of yourself",
			"It is illegal to send a nude of yourself.|illegal to send a nude of yourself",
			"That is image-based abuse. If the person is under 18, it is also illegal.|if the person is under 18, it is also illegal",
			"It is not your fault if you were pressured or tricked.|if you were pressured or tricked",
			"Tell them it is not their fault if they were pressured or tricked.|if they were pressured or tricked" })
	void eachCriminalisingPhrasingIsAnErrorOnItsLine(String text, String phrase) throws IOException {
		Problems problems = new Problems();
		shipped().checkText(QUIZ, () -> 12, "Feedback.\n" + text, problems);
		assertThat(problems.sorted()).singleElement().satisfies(problem -> {
			assertThat(problem.isError()).isTrue();
			assertThat(problem.line()).isEqualTo(13);
			assertThat(problem.message()).startsWith("avoid \"" + phrase + "\":");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"The law protects young people. The adult who asks a child for a nude image is committing a crime.",
			"Sharing someone's intimate image without their consent is a crime, whatever their age.",
			"Whatever happened, it is not your fault, and you will get help.",
			"The age of consent does not apply to images: a picture of anyone under 18 is covered by the law." })
	void theFramingTheGuideAsksForPasses(String text) throws IOException {
		Problems problems = new Problems();
		shipped().checkText(QUIZ, () -> 1, text, problems);
		assertThat(problems.sorted()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "against the law for anyone to make or share", "even between young people" })
	void aLessonUsingThePhraseFailsTheContentCheck(String phrase) {
		String lesson = "modules/online-friends/ages-8-10.md";
		assertThat(TestContent.valid()
			.replace("lint.yml", "avoid:", "avoid:\n  - phrase: " + phrase + "\n    why: Criminalises the child.")
			.replace(lesson, "Sam plays a game", "It is " + phrase + ". Sam plays a game")
			.problems()).singleElement().asString().startsWith(lesson + ":8: avoid \"" + phrase + "\"");
	}

}
