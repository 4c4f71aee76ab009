package org.safesteps.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.support.Browserless;

/** A class has a language, chosen when it is made and changed on its page; the parent letter prints in any language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LetterLanguageTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Test
	void aTeacherMakesASpanishClassAndPrintsItsLetterInSpanishOrAnyOtherLanguage() {
		Account teacher = Teachers.create(this.accounts, "Lucía");
		Browserless browser = Teachers.signIn(this.port, teacher);
		String home = browser.get("/teacher").body();
		assertThat(home).contains("<option value=\"es\" lang=\"es\">Español</option>");

		browser.post("/teacher/classes", home, Map.of("name", "5.º B", "band", "AGES_11_13", "language", "es"));
		SchoolClass schoolClass = this.classes.taughtBy(teacher.id()).get(0);
		assertThat(schoolClass.language()).isEqualTo("es");
		this.assignments.assign(schoolClass.id(), "trusted-adults", null, 0);
		String classPage = browser.get("/teacher/classes/" + schoolClass.id()).body();
		assertThat(classPage).contains("name=\"lang\"", "<option value=\"ar\" lang=\"ar\">العربية</option>");

		String letter = browser.get("/teacher/classes/" + schoolClass.id() + "/letter").body();
		assertThat(letter).contains("<html lang=\"es\" dir=\"ltr\">", "Estimada familia:",
				"Lo que su hijo o hija está aprendiendo sobre la seguridad en internet", "la clase 5.º B usará SafeSteps",
				"/parents/trusted-adults?lang=es", "/parents?lang=es");

		String arabic = browser.get("/teacher/classes/" + schoolClass.id() + "/letter?lang=ar").body();
		assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">", "حضرات الأهل ومقدّمي الرعاية الكرام",
				"/parents/trusted-adults?lang=ar");

		String english = browser.get("/teacher/classes/" + schoolClass.id() + "/letter?lang=en").body();
		assertThat(english).contains("<html lang=\"en\" dir=\"ltr\">", "Dear parent or carer,");
	}

	// Arabic has an interface but no lessons: its letter lists every module in English, and says so
	// to screen readers (WCAG 3.1.2, language of parts) instead of reading English with an Arabic voice.
	@Test
	void aLetterMarksTheLanguageOfEachModuleItListsIncludingOnesNotYetTranslated() {
		Account teacher = Teachers.create(this.accounts, "Nadia");
		Browserless browser = Teachers.signIn(this.port, teacher);
		SchoolClass schoolClass = this.classes.create("6.º A", org.safesteps.content.Band.AGES_11_13, teacher.id(), "es");
		this.assignments.assign(schoolClass.id(), "trusted-adults", null, 0);

		String spanish = browser.get("/teacher/classes/" + schoolClass.id() + "/letter").body();
		assertThat(spanish).contains("<h2 lang=\"es\">Adultos de confianza</h2>", "<p lang=\"es\">Los niños y las niñas aprenden");

		String arabic = browser.get("/teacher/classes/" + schoolClass.id() + "/letter?lang=ar").body();
		assertThat(arabic).contains("<html lang=\"ar\" dir=\"rtl\">", "<h2 lang=\"en\" dir=\"ltr\">Trusted adults</h2>",
				"<p lang=\"en\" dir=\"ltr\">Children learn who their trusted adults are");
	}

	@Test
	void theClassPageChangesTheClassLanguageToAShippedOneOnly() {
		Account teacher = Teachers.create(this.accounts, "Omar");
		Browserless browser = Teachers.signIn(this.port, teacher);
		SchoolClass schoolClass = this.classes.create("Year 9", org.safesteps.content.Band.AGES_14_17, teacher.id());
		String classPath = "/teacher/classes/" + schoolClass.id();
		String page = browser.get(classPath).body();

		HttpResponse<String> saved = browser.post(classPath + "/language", page, Map.of("language", "ar"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.classes.findById(schoolClass.id()).orElseThrow().language()).isEqualTo("ar");
		assertThat(browser.get(classPath).body()).contains("Language saved.",
				"<option value=\"ar\" lang=\"ar\" selected=\"selected\">العربية</option>");

		assertThat(browser.post(classPath + "/language", page, Map.of("language", "xx")).statusCode()).isEqualTo(400);
		assertThat(this.classes.findById(schoolClass.id()).orElseThrow().language()).isEqualTo("ar");
	}

}
