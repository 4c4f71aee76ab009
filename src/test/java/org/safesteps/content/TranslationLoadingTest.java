package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TranslationLoadingTest {

	private static final String LESSON = "modules/sextortion/ages-11-13.md";

	private static final String QUIZ = "modules/sextortion/ages-11-13.quiz.yml";

	private static final String GUIDE = "guidance/sextortion.md";

	private static final String TEACHER = "modules/sextortion/teacher.md";

	private static final String CHECK = "modules/sextortion/ages-11-13.check.yml";

	private static final String ENGLISH_CHECK = """
			statements:
			  - id: what-to-do
			    text: "I know what to do if someone threatens to share a picture."
			  - id: never-too-late
			    text: "I know that it is never too late to get help."
			""";

	private static final String LABELS = """
			languages:
			  - language: es
			    tip: Consejo
			    talk: Hablemos
			    scenario: Historia
			    help: ¿Necesitas ayuda?
			    emergency: "En una emergencia, llama al {0}."
			""";

	private static String lesson(String hash) {
		return """
				---
				title: Cuando alguien amenaza
				summary: Qué hacer si alguien amenaza con compartir una foto.
				translated-from: %s
				---

				## Qué está pasando {#what-is-happening}

				Maya conoce a un chico en un juego. Él le pide una foto.

				## No es tu culpa {#it-is-not-your-fault}

				Si esto pasa, no es tu culpa.

				## Qué hacer {#what-to-do}

				- Deja de responder.

				:::help
				No te vas a meter en problemas por pedir ayuda.
				:::
				""".formatted(hash);
	}

	private static String quiz(String hash, String trueId, boolean falseCorrect) {
		return """
				translated-from: %s
				questions:
				  - id: whose-fault
				    type: true-false
				    text: "Si alguien te engaña para que envíes una foto, es tu culpa."
				    options:
				      - id: "%s"
				        text: "Verdadero"
				        feedback: No. La persona que te engañó es la culpable.
				      - id: "false"
				        text: "Falso"
				        correct: %s
				        feedback: Correcto. Nunca es tu culpa.
				""".formatted(hash, trueId, falseCorrect);
	}

	private static String guide(String hash) {
		return """
				---
				title: "Sextorsión: lo que las familias necesitan saber"
				summary: Qué es, las señales de alerta y qué hacer ahora.
				translated-from: %s
				---
				## Dónde pedir ayuda

				:::help
				Estos servicios pueden ayudarte hoy.
				:::
				""".formatted(hash);
	}

	private static String teacherNotes(String hash) {
		return """
				---
				summary: Una lección delicada. Lea la parte sobre lo que hacer si un niño se lo cuenta.
				translated-from: %s
				---

				## Normas básicas

				Nadie cuenta su propia historia.

				## Si un niño o una niña se lo cuenta

				Nunca pida ver la imagen ni la reenvíe.
				""".formatted(hash);
	}

	private static String check(String hash, String firstId) {
		return """
				translated-from: %s
				statements:
				  - id: %s
				    text: "Sé qué hacer si alguien amenaza con compartir una imagen."
				  - id: never-too-late
				    text: "Sé que nunca es demasiado tarde para pedir ayuda."
				""".formatted(hash, firstId);
	}

	// translated() with an English confidence check, and the notes and the check in Spanish
	private static TestContent withNotesAndCheck() {
		TestContent content = translated().with(CHECK, ENGLISH_CHECK);
		return content.with("modules/sextortion/teacher.es.md", teacherNotes(ContentHash.of(content.text(TEACHER))))
			.with("modules/sextortion/ages-11-13.check.es.yml", check(ContentHash.of(ENGLISH_CHECK), "what-to-do"));
	}

	private static TestContent translated() {
		TestContent content = TestContent.valid();
		return content.with("labels.yml", LABELS)
			.with("modules/sextortion/ages-11-13.es.md", lesson(ContentHash.of(content.text(LESSON))))
			.with("modules/sextortion/ages-11-13.quiz.es.yml", quiz(ContentHash.of(content.text(QUIZ)), "true", true))
			.with("modules/sextortion/module.es.yml", """
					title: Cuando alguien amenaza con compartir una foto
					summary: Qué es la sextorsión y qué hacer en los primeros diez minutos.
					translated-from: %s
					""".formatted(ContentHash.of(content.text("modules/sextortion/module.yml"))))
			.with("guidance/sextortion.es.md", guide(ContentHash.of(content.text(GUIDE))));
	}

	private static LoadResult load(TestContent content) {
		return new CurriculumLoader().load(content.source(), TestContent.TODAY);
	}

	@Test
	void hashIsTheFirstSixteenHexCharactersOfTheSha256OfTheBytes() {
		// printf 'abc' | sha256sum | cut -c1-16
		assertThat(ContentHash.of("abc")).isEqualTo("ba7816bf8f01cfea");
	}

	@Test
	void translatedLessonQuizTitleAndGuideLoadBesideTheEnglish() {
		LoadResult result = load(translated());

		assertThat(result.problems()).isEmpty();
		Module module = result.orThrow().module("sextortion").orElseThrow();
		Localized<Lesson> lesson = module.lesson(Band.AGES_11_13, "es").orElseThrow();
		assertThat(lesson.fellBack()).isFalse();
		assertThat(lesson.language()).isEqualTo("es");
		assertThat(lesson.value().title()).isEqualTo("Cuando alguien amenaza");
		assertThat(lesson.value().steps()).extracting(Step::id)
			.containsExactly("what-is-happening", "it-is-not-your-fault", "what-to-do");
		assertThat(module.quiz(Band.AGES_11_13, "es").orElseThrow().value().questions().get(0).text())
			.startsWith("Si alguien");
		assertThat(module.title("es").value()).isEqualTo("Cuando alguien amenaza con compartir una foto");
		assertThat(module.lesson(Band.AGES_11_13).orElseThrow().title()).isEqualTo("When someone makes a threat");
		assertThat(result.orThrow().guide("sextortion", "es").orElseThrow().value().title()).startsWith("Sextorsión");
	}

	@Test
	void helpBoxesOfATranslationAreLabelledInItsLanguageAndKeepTheCountrysServices() {
		Curriculum curriculum = load(translated()).orThrow();
		String english = curriculum.module("sextortion").orElseThrow().lesson(Band.AGES_11_13).orElseThrow()
			.steps().get(2).body().forCountry("GB");
		String spanish = curriculum.module("sextortion").orElseThrow().lesson(Band.AGES_11_13, "es").orElseThrow()
			.value().steps().get(2).body().forCountry("GB");

		assertThat(spanish).contains("aria-label=\"¿Necesitas ayuda?\"").contains("En una emergencia, llama al <a href=\"tel:999\">999</a>.");
		assertThat(english).contains("aria-label=\"Need help?\"").contains("In an emergency, call");
		// The same services, as listed for the country: names and numbers are never translated.
		assertThat(spanish.substring(spanish.indexOf("<ul class=\"help-list\">")))
			.isEqualTo(english.substring(english.indexOf("<ul class=\"help-list\">")));
		assertThat(curriculum.guide("sextortion", "es").orElseThrow().value().body().forCountry("GB"))
			.contains("aria-label=\"¿Necesitas ayuda?\"");
	}

	@Test
	void aMissingTranslationFallsBackToEnglishAndSaysSo() {
		Curriculum curriculum = load(TestContent.valid()).orThrow();
		Module module = curriculum.module("sextortion").orElseThrow();

		Localized<Lesson> lesson = module.lesson(Band.AGES_11_13, "es").orElseThrow();
		assertThat(lesson.fellBack()).isTrue();
		assertThat(lesson.language()).isEqualTo("en");
		assertThat(lesson.value().title()).isEqualTo("When someone makes a threat");
		assertThat(module.quiz(Band.AGES_11_13, "ar").orElseThrow().fellBack()).isTrue();
		assertThat(module.title("es").fellBack()).isTrue();
		assertThat(curriculum.guide("sextortion", "es").orElseThrow().fellBack()).isTrue();
		// English itself is never a fallback.
		assertThat(module.lesson(Band.AGES_11_13, "en").orElseThrow().fellBack()).isFalse();
	}

	@Test
	void aTranslatedQuizWithOtherOptionIdsIsRejected() {
		TestContent content = translated();
		content.with("modules/sextortion/ages-11-13.quiz.es.yml",
				quiz(ContentHash.of(content.text(QUIZ)), "verdadero", true));

		LoadResult result = load(content);

		assertThat(result.hasErrors()).isTrue();
		// The same rules as the English quiz apply too (a true-false question has options true and false).
		assertThat(result.errors()).extracting(ContentProblem::toString)
			.contains("modules/sextortion/ages-11-13.quiz.es.yml:3: options of question 'whose-fault' "
					+ "[verdadero, false] differ from modules/sextortion/ages-11-13.quiz.yml [true, false]: keep the English option ids");
	}

	@Test
	void aTranslatedQuizThatChangesTheCorrectAnswerIsRejected() {
		TestContent content = translated();
		content.with("modules/sextortion/ages-11-13.quiz.es.yml",
				quiz(ContentHash.of(content.text(QUIZ)), "true", false).replace("        text: \"Verdadero\"",
						"        text: \"Verdadero\"\n        correct: true"));

		assertThat(load(content).errors()).extracting(ContentProblem::message)
			.containsExactly("question 'whose-fault' marks [true] correct but modules/sextortion/ages-11-13.quiz.yml"
					+ " marks [false]: the correct answers must not change in translation");
	}

	@Test
	void aTranslatedQuizWithAnExtraQuestionIsRejected() {
		TestContent content = translated();
		content.with("modules/sextortion/ages-11-13.quiz.es.yml",
				quiz(ContentHash.of(content.text(QUIZ)), "true", true).replace("whose-fault", "other-question"));

		assertThat(load(content).errors()).extracting(ContentProblem::toString).containsExactlyInAnyOrder(
				"modules/sextortion/ages-11-13.quiz.es.yml:1: question 'whose-fault' of modules/sextortion/ages-11-13.quiz.yml is missing",
				"modules/sextortion/ages-11-13.quiz.es.yml:3: question 'other-question' is not in "
						+ "modules/sextortion/ages-11-13.quiz.yml: a translated quiz keeps the English question ids");
	}

	@Test
	void translatedStepsKeepTheEnglishStepIds() {
		TestContent content = translated().replace("modules/sextortion/ages-11-13.es.md", "{#what-to-do}", "{#que-hacer}");

		assertThat(load(content).errors()).extracting(ContentProblem::toString).containsExactly(
				"modules/sextortion/ages-11-13.es.md:15: step ids [what-is-happening, it-is-not-your-fault, que-hacer] differ from "
						+ "modules/sextortion/ages-11-13.md [what-is-happening, it-is-not-your-fault, what-to-do]: "
						+ "keep each {#id} of the English steps, in the same order");
	}

	@Test
	void aTranslationWithoutHashIsAnErrorAndAnOldHashIsOutOfDate() {
		TestContent content = translated()
			.replace("modules/sextortion/ages-11-13.es.md", "translated-from: ", "# translated-from: ")
			.replace(GUIDE, "These services can help you today.", "These services can help you now.");

		LoadResult result = load(content);

		assertThat(result.errors()).extracting(ContentProblem::path).containsExactly("modules/sextortion/ages-11-13.es.md");
		assertThat(result.errors().get(0).message()).startsWith("translation has no 'translated-from'");
		assertThat(result.warnings()).singleElement().satisfies(warning -> {
			assertThat(warning.path()).isEqualTo("guidance/sextortion.es.md");
			assertThat(warning.message()).startsWith("out of date: translated from ");
		});
	}

	@Test
	void theContentCheckReportsOutOfDateTranslationsAndDoesNotMeasureTheirReadability() {
		TestContent content = translated().replace(LESSON, "Do not pay.", "Do not pay them.");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		int status = ContentCheck.run(content.source(), new PrintStream(bytes, true, StandardCharsets.UTF_8),
				TestContent.TODAY);

		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(status).isZero();
		assertThat(output).contains("modules/sextortion/ages-11-13.es.md:4: warning: out of date: translated from ")
			.contains("Readability not measured (the Flesch-Kincaid grade is for English text only):\n"
					+ "  modules/sextortion/ages-11-13.es.md\n")
			.endsWith("0 errors, 1 warnings\n");
	}

	@Test
	void aSensitiveTranslationMustSayItIsNotTheChildsFault() {
		TestContent content = translated().replace("modules/sextortion/ages-11-13.es.md", "Si esto pasa, no es tu culpa.",
				"Si esto pasa, habla con alguien.").replace("modules/sextortion/ages-11-13.es.md", "## No es tu culpa", "## Tranquilidad");

		assertThat(load(content).errors()).extracting(ContentProblem::message)
			.containsExactly("lesson of a sensitive module does not say it is not the child's fault (for example \"no es tu culpa\")");
	}

	@Test
	void aTranslationOfAMissingEnglishFileIsAnError() {
		TestContent content = translated().with("guidance/no-such-page.es.md", guide("0000000000000000"));

		assertThat(load(content).errors()).extracting(ContentProblem::toString)
			.containsExactly("guidance/no-such-page.es.md:1: translation of guidance/no-such-page.md, which does not exist");
	}

	@Test
	void lintPhrasesApplyToTheirOwnLanguage() {
		TestContent content = translated()
			.replace("lint.yml", "avoid:\n", "avoid:\n  - phrase: te lo buscaste\n    language: es\n    why: Culpa al niño.\n")
			.replace("modules/sextortion/ages-11-13.es.md", "Él le pide una foto.", "Él le pide una foto. Te lo buscaste.");

		assertThat(load(content).errors()).extracting(ContentProblem::toString)
			.containsExactly("modules/sextortion/ages-11-13.es.md:9: avoid \"te lo buscaste\": Culpa al niño.");
	}

	@Test
	void translatedTeacherNotesAndCheckLoadBesideTheEnglish() {
		LoadResult result = load(withNotesAndCheck());

		assertThat(result.problems()).isEmpty();
		Curriculum curriculum = result.orThrow();
		Module module = curriculum.module("sextortion").orElseThrow();
		Localized<TeacherNotes> notes = module.teacherNotes("es");
		assertThat(notes.fellBack()).isFalse();
		assertThat(notes.value().summary()).startsWith("Una lección delicada.");
		// the headings keep the English ids, so the presenter notes find the sections in any language
		assertThat(notes.value().body().forCountry("GB")).contains("<h2 id=\"ground-rules\">Normas básicas</h2>",
				"<h2 id=\"if-a-child-discloses\">Si un niño o una niña se lo cuenta</h2>");
		assertThat(module.teacherNotes("ar").fellBack()).isTrue();
		assertThat(module.teacherNotes("ar").value().summary()).startsWith("A sensitive lesson.");
		Localized<ConfidenceCheck> check = curriculum.evidence().check("sextortion", Band.AGES_11_13, "es").orElseThrow();
		assertThat(check.fellBack()).isFalse();
		assertThat(check.value().statements()).extracting(ConfidenceCheck.Statement::id)
			.containsExactly("what-to-do", "never-too-late");
		assertThat(check.value().statements().get(0).text()).startsWith("Sé qué hacer");
		assertThat(curriculum.evidence().check("sextortion", Band.AGES_11_13, "ar").orElseThrow().value().statements()
			.get(0).text()).startsWith("I know what to do");
		assertThat(curriculum.evidence().check("online-friends", Band.AGES_8_10, "es")).isEmpty();
	}

	@Test
	void translatedTeacherNotesKeepTheEnglishHeadingsInOrder() {
		TestContent content = withNotesAndCheck().replace("modules/sextortion/teacher.es.md", "## Si un niño", "### Si un niño");

		assertThat(load(content).errors()).extracting(ContentProblem::toString).containsExactly(
				"modules/sextortion/teacher.es.md:10: headings differ from modules/sextortion/teacher.md: keep its ## and ###"
						+ " headings (## ground-rules, ## if-a-child-discloses), translated, in the same order");
	}

	@Test
	void translatedTeacherNotesAndChecksRecordTheirEnglishHash() {
		TestContent content = withNotesAndCheck()
			.replace("modules/sextortion/teacher.es.md", "translated-from: ", "# translated-from: ")
			.replace(CHECK, "never too late to get help.", "never too late to ask for help.");

		LoadResult result = load(content);

		assertThat(result.errors()).extracting(ContentProblem::path).containsExactly("modules/sextortion/teacher.es.md");
		assertThat(result.errors().get(0).message()).startsWith("translation has no 'translated-from'");
		assertThat(result.warnings()).extracting(ContentProblem::toString).singleElement().asString()
			.startsWith("modules/sextortion/ages-11-13.check.es.yml:1: warning: out of date: translated from ");
	}

	@Test
	void aTranslatedCheckKeepsTheEnglishStatementIdsInOrder() {
		TestContent content = withNotesAndCheck().with("modules/sextortion/ages-11-13.check.es.yml",
				check(ContentHash.of(ENGLISH_CHECK), "que-hacer"));

		assertThat(load(content).errors()).extracting(ContentProblem::toString).containsExactly(
				"modules/sextortion/ages-11-13.check.es.yml:3: statement ids [que-hacer, never-too-late] differ from "
						+ "modules/sextortion/ages-11-13.check.yml [what-to-do, never-too-late]: keep the English statement ids,"
						+ " in the same order");
	}

	@Test
	void aTranslatedCheckWithoutTheEnglishCheckIsAnError() {
		TestContent content = withNotesAndCheck().without(CHECK);

		assertThat(load(content).errors()).extracting(ContentProblem::toString).containsExactly(
				"modules/sextortion/ages-11-13.check.es.yml:1: translation of modules/sextortion/ages-11-13.check.yml,"
						+ " which does not exist or does not load");
	}

	@Test
	void everyEnglishFileWithoutItsSpanishTranslationIsListedAsMissing() {
		assertThat(load(translated().with(CHECK, ENGLISH_CHECK)).missingTranslations()).containsExactly(
				"modules/online-friends/ages-8-10.es.md", "modules/online-friends/ages-8-10.quiz.es.yml",
				"modules/online-friends/module.es.yml", "modules/online-friends/teacher.es.md",
				"modules/sextortion/ages-11-13.check.es.yml", "modules/sextortion/teacher.es.md");
		assertThat(load(withNotesAndCheck()).missingTranslations()).containsExactly(
				"modules/online-friends/ages-8-10.es.md", "modules/online-friends/ages-8-10.quiz.es.yml",
				"modules/online-friends/module.es.yml", "modules/online-friends/teacher.es.md");
	}

}
