package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The Spanish lint with the shipped glossary.es.yml: avoided words, and tú or usted by reader. */
class SpanishLintTest {

	private static final ContentSource SHIPPED = ContentSource.directory(Path.of("content"));

	private static final String LESSON = "modules/sextortion/ages-11-13.es.md";

	private static final String GUIDE = "guidance/sextortion.es.md";

	private static List<String> problems(String path, String text) {
		Map<String, String> files = new TreeMap<>();
		files.put(SpanishLint.GLOSSARY, SHIPPED.read(SpanishLint.GLOSSARY));
		files.put(path, text);
		Problems problems = new Problems();
		SpanishLint.check(files, problems);
		return problems.sorted().stream().map(ContentProblem::toString).toList();
	}

	private static String lesson(String body) {
		return "---\ntitle: Una lección\nsummary: Qué hacer.\ntranslated-from: 0000000000000000\n---\n\n## Paso {#step}\n\n"
				+ body + "\n";
	}

	@Test
	void aGlossaryWordToAvoidIsAnErrorWithItsLineAndTheTermToUse() {
		assertThat(problems(LESSON, lesson("Maya mira su celular.\n\nLuego lo apaga."))).containsExactly(LESSON
				+ ":9: glossary: avoid \"celular\", say \"teléfono\" (phone). \"Móvil\" is Spain, \"celular\" is Latin America.");
	}

	@Test
	void aWordWithAStarIsFoundInEveryFormButNotInsideAnotherWord() {
		assertThat(problems(LESSON, lesson("Puedes reportarlo.\nSam lo reportó.\nNo lo van a deportar.")))
			.extracting(problem -> problem.substring(0, problem.indexOf(", say")))
			.containsExactly(LESSON + ":9: glossary: avoid \"reportarlo\"", LESSON + ":10: glossary: avoid \"reportó\"");
	}

	@Test
	void anAvoidedWordIsRightInsideAnAllowedPhrase() {
		assertThat(problems(LESSON, lesson("Un ultrafalso (deepfake) es una imagen falsa.\n\nOtro deepfake circula.")))
			.singleElement().asString().startsWith(LESSON + ":11: glossary: avoid \"deepfake\", say \"ultrafalso");
	}

	@Test
	void stepIdsLinksAddressesSourcesCommentsAndServiceNamesAreNotProse() {
		String text = "---\ntitle: Denunciar\nsummary: Qué hacer.\n# Sources, checked 2026-12-05: report online, https://example.org\n"
				+ "translated-from: 0000000000000000\n---\n\n## Denunciar {#report-online}\n\n"
				+ "Usa Report Remove o [la ayuda](/learn/online-friends), en https://report.example.org/online.\n";
		assertThat(problems(LESSON, text)).isEmpty();
		assertThat(problems(LESSON, text.replace("Usa Report Remove", "Puedes reportarlo online")))
			.extracting(problem -> problem.replaceAll(", say.*", ""))
			.containsExactly(LESSON + ":10: glossary: avoid \"reportarlo\"", LESSON + ":10: glossary: avoid \"online\"");
	}

	@Test
	void vosotrosIsReportedInEveryFileButDieciseisIsNot() {
		assertThat(problems(GUIDE, lesson("Tiene dieciséis años. ¿Sabéis qué hacer?")))
			.singleElement().asString().startsWith(GUIDE + ":9: glossary: avoid \"Sabéis\", say \"ustedes\"");
	}

	@Test
	void aChildsLessonMustNotAddressTheReaderWithUstedButUstedesIsFine() {
		assertThat(problems(LESSON, lesson("Ustedes pueden hablar en grupo.\n\nSi usted recibe un mensaje, avise.")))
			.containsExactly(LESSON + ":11: register: \"usted\" is usted; a child reads tú (ustedes for a group)");
	}

	@Test
	void aParentGuideMustNotAddressTheReaderWithTuOutsideQuotedSpeech() {
		assertThat(problems(GUIDE, lesson("Hable con su hijo. Dígale: «No es tu culpa, te ayudo».\n"
				+ "O bien: “¿Tienes miedo?” o \"Puedes contármelo\".\nSi tienes dudas, llame a un servicio.")))
			.containsExactly(GUIDE + ":11: register: \"tienes\" is tú; parents and teachers read usted"
					+ " (put what to say to a child in «»)");
	}

	@Test
	void teacherNotesAndModuleSummariesAreForAdults() {
		assertThat(problems("modules/sextortion/teacher.es.md", lesson("Prepara tu clase.")))
			.singleElement().asString().startsWith("modules/sextortion/teacher.es.md:9: register: \"tu\" is tú");
		assertThat(problems("modules/sextortion/module.es.yml",
				"translated-from: 0000000000000000\ntitle: Amenazas\nsummary: >-\n  Qué hacer si te\n  amenazan.\n"))
			.singleElement().asString().startsWith("modules/sextortion/module.es.yml:4: register: \"te\" is tú");
	}

	@Test
	void quizAndCheckTextIsCheckedByLineWhileIdsAndYamlQuotesAreNot() {
		String quiz = """
				translated-from: 0000000000000000
				questions:
				  - id: usted
				    type: single
				    text: "¿Qué haría usted?"
				    options:
				      - id: report
				        text: Reportarlo
				        correct: true
				        feedback: Sí.
				""";
		assertThat(problems("modules/sextortion/ages-11-13.quiz.es.yml", quiz)).extracting(p -> p.replaceAll("(register|glossary):.*", "$1"))
			.containsExactly("modules/sextortion/ages-11-13.quiz.es.yml:5: register", "modules/sextortion/ages-11-13.quiz.es.yml:8: glossary");
		assertThat(problems("modules/sextortion/ages-11-13.check.es.yml",
				"translated-from: 0000000000000000\nstatements:\n  - id: what-to-do\n    text: \"Usted sabe qué hacer.\"\n"))
			.singleElement().asString().startsWith("modules/sextortion/ages-11-13.check.es.yml:4: register: \"Usted\"");
	}

	@Test
	void theLoaderReportsSpanishLintErrorsAndRequiresTheGlossaryForSpanishFiles() {
		TestContent content = TestContent.valid().with("guidance/sextortion.es.md", """
				---
				title: "Sextorsión"
				summary: Qué hacer si amenazan a su hijo con su ordenador.
				translated-from: 0000000000000000
				---
				## Dónde pedir ayuda
				""");
		assertThat(content.problems()).contains("guidance/sextortion.es.md:3: glossary: avoid \"ordenador\", say"
				+ " \"dispositivo, teléfono o tableta\" (computer). \"Ordenador\" is Spain, \"computadora\" is Latin America.");
		assertThat(content.without(SpanishLint.GLOSSARY).problems())
			.contains("glossary.es.yml:1: missing: Spanish files are checked against the Spanish glossary");
	}

	@Test
	void theShippedSpanishContentPassesTheSpanishLint() {
		Map<String, String> files = new TreeMap<>();
		for (String path : SHIPPED.paths()) {
			files.put(path, SHIPPED.read(path));
		}
		Problems problems = new Problems();
		SpanishLint.check(files, problems);
		assertThat(files.keySet()).filteredOn(SpanishLint::isSpanish).isNotEmpty();
		assertThat(problems.sorted()).extracting(ContentProblem::toString).isEmpty();
	}

}
