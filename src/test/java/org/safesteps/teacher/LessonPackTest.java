package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.safesteps.account.AccountStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Lesson packs: worksheets and answer key for every module, band and language the lesson has. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LessonPackTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	Curriculum curriculum;

	@Test
	void everyModuleBandAndLanguageHasWorksheetsAndAnAnswerKeyMarkedWithTheContentVersion() {
		Browserless browser = Teachers.signIn(this.port, Teachers.create(this.accounts, "Printer"));
		String version = this.curriculum.version().substring(0, Math.min(12, this.curriculum.version().length()));
		List<String> problems = new ArrayList<>();
		int spanish = 0;
		for (Module module : this.curriculum.modules()) {
			for (Band band : module.bands()) {
				List<String> languages = new ArrayList<>(List.of("en"));
				module.translations().forEach((code, t) -> {
					if (t.lessons().containsKey(band)) {
						languages.add(code);
					}
				});
				for (String lang : languages) {
					spanish += lang.equals("es") ? 1 : 0;
					Lesson lesson = module.lesson(band, lang).orElseThrow().value();
					String base = "/teacher/modules/" + module.id() + "/" + band.id();
					String pack = browser.get(base + "/pack?lang=" + lang + "&country=US").body();
					expect(pack, problems, base + "/pack " + lang, lang.equals("es") ? "Versión del contenido de SafeSteps " + version
							: "SafeSteps content version " + version, "lang=\"" + lang + "\"", esc(lesson.steps().get(0).title()), "911",
							"CyberTipline", "class=\"pack-sheet");
					boolean young = band == Band.AGES_5_7 || band == Band.AGES_8_10;
					boolean talks = lesson.steps().stream().anyMatch((s) -> s.body().toString().contains("callout-talk"));
					if (young && talks != pack.contains("class=\"write-space\"")) {
						problems.add(base + "/pack " + lang + ": room to write or draw beside the talk prompts");
					}
					if (!young && pack.contains("class=\"write-space\"")) {
						problems.add(base + "/pack " + lang + ": older bands talk, they get no drawing boxes");
					}
					Quiz quiz = module.quiz(band, lang).orElseThrow().value();
					String answers = browser.get(base + "/answers?lang=" + lang).body();
					for (Question question : quiz.questions()) {
						expect(pack, problems, base + "/pack " + lang, esc(question.text()));
						for (Option option : question.options()) {
							expect(answers, problems, base + "/answers " + lang, esc(option.feedback()));
							if (pack.contains(esc(option.feedback()))) {
								problems.add(base + "/pack " + lang + ": the children's sheet gives away feedback");
							}
						}
					}
					if (pack.contains("Right answer") || pack.contains("Respuesta correcta")) {
						problems.add(base + "/pack " + lang + ": the children's sheet marks the right answer");
					}
				}
			}
		}
		assertThat(spanish).as("packs in Spanish").isGreaterThan(0);
		assertThat(problems).isEmpty();
	}

	@Test
	void theAnswerKeyLettersMatchTheWorksheetAndTheBoard() {
		Browserless browser = Teachers.signIn(this.port, Teachers.create(this.accounts, "Letters"));
		Question question = this.curriculum.module("online-friends").orElseThrow().quiz(Band.AGES_11_13).orElseThrow()
			.questions().get(0);
		BoardQuestion board = BoardQuestion.of("online-friends", Band.AGES_11_13, question);
		BoardQuestion.Lettered right = board.options().stream().filter((o) -> o.option().correct()).findFirst().orElseThrow();
		String answers = browser.get("/teacher/modules/online-friends/ages-11-13/answers").body();
		assertThat(answers.replaceAll("\\s+", " ")).contains("<span class=\"option-letter\">" + right.letter()
				+ "</span> <span>" + esc(right.option().text()) + "</span> <strong class=\"badge\">Right answer</strong>");
		assertThat(browser.get("/teacher/modules/online-friends/ages-99/pack").statusCode()).isEqualTo(404);
		assertThat(browser.get("/teacher/modules/sextortion/ages-8-10/pack").statusCode()).isEqualTo(404);
		assertThat(new Browserless(this.port).get("/teacher/modules/online-friends/ages-11-13/pack").statusCode())
			.isEqualTo(302);
	}

	/** As Thymeleaf writes text: markup characters escaped, every other character as it is (UTF-8). */
	private static String esc(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static void expect(String body, List<String> problems, String where, String... texts) {
		for (String text : texts) {
			if (!body.contains(text)) {
				problems.add(where + ": missing " + text);
			}
		}
	}

}
