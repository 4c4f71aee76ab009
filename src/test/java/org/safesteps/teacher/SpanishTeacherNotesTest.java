package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.SpanishTestContent;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher who reads the site in Spanish reads a module's teacher notes in Spanish where
 * teacher.es.md exists (module preview, presenter notes, the confirmation before assigning a
 * sensitive module), and the English notes, marked as English, where the notes are not translated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SpanishTestContent.class)
class SpanishTeacherNotesTest {

	private static final String PREVIEW = "/teacher/modules/sextortion/ages-11-13";

	private static final String ENGLISH_OBJECTIVES = "By the end of the lesson, pupils can";

	private static final String SPANISH_OBJECTIVES = "Al final de la lección, el alumnado sabe qué hacer";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Test
	void aTeacherBrowsingInSpanishReadsTheSpanishNotesOnThePreview() {
		Browserless browser = teacherIn("es", Teachers.create(this.accounts, "Lucia"));

		String preview = browser.get(PREVIEW).body();

		assertThat(preview).contains(SpanishTestContent.NOTES_SUMMARY, SPANISH_OBJECTIVES,
				"<div lang=\"es\"><h2 id=\"objectives\">Objetivos</h2>")
			.doesNotContain(ENGLISH_OBJECTIVES);
	}

	@Test
	void thePresenterNotesFindTheSpanishSectionsByTheEnglishHeadings() {
		Browserless browser = teacherIn("es", Teachers.create(this.accounts, "Lucia"));

		String first = browser.get(PREVIEW + "/present/notes?step=1&country=GB").body();

		// objectives, ground rules and what to say are cut from the notes by heading id
		assertThat(first).contains(SPANISH_OBJECTIVES, "Hablamos de los personajes de las historias",
				"Mantenga un tono tranquilo", "Escuche con calma y no prometa guardar el secreto")
			.doesNotContain(ENGLISH_OBJECTIVES);
	}

	@Test
	void theConfirmationBeforeAssigningASensitiveModuleIsInSpanish() {
		Account teacher = Teachers.create(this.accounts, "Lucia");
		Browserless browser = teacherIn("es", teacher);
		SchoolClass schoolClass = this.classes.create("2º ESO", Band.AGES_11_13, teacher.id());
		String classPath = "/teacher/classes/" + schoolClass.id();

		HttpResponse<String> confirm = browser.post(classPath + "/assignments", browser.get(classPath).body(),
				Map.of("moduleId", "sextortion", "dueOn", ""));

		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("<p class=\"teacher-notes-summary\" lang=\"es\">" + SpanishTestContent.NOTES_SUMMARY,
				SPANISH_OBJECTIVES).doesNotContain(ENGLISH_OBJECTIVES);
	}

	@Test
	void inEnglishOrWithoutATranslationTheEnglishNotesAreShownMarkedAsEnglish() {
		Browserless english = teacherIn("en", Teachers.create(this.accounts, "Ada"));
		assertThat(english.get(PREVIEW).body()).contains(ENGLISH_OBJECTIVES).doesNotContain(SPANISH_OBJECTIVES);

		// the interface is in Arabic but no notes are: English, said to be English for screen readers
		Browserless arabic = teacherIn("ar", Teachers.create(this.accounts, "Layla"));
		assertThat(arabic.get(PREVIEW).body()).contains(ENGLISH_OBJECTIVES, "<div lang=\"en\"><h2 id=\"objectives\">")
			.doesNotContain(SPANISH_OBJECTIVES);
	}

	private Browserless teacherIn(String language, Account teacher) {
		Browserless browser = Teachers.signIn(this.port, teacher);
		assertThat(browser.get("/language?lang=" + language + "&return=/teacher").statusCode()).isEqualTo(302);
		assertThat(browser.cookie("safesteps_lang")).isEqualTo(language);
		return browser;
	}

}
