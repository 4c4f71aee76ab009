package org.safesteps.learner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.support.Browserless;

/** Learners read in their class's language, unless they choose another with the switch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassLanguageTest {

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void learnersOfASpanishClassReadInSpanishUntilTheySwitch() {
		SchoolClass schoolClass = this.classes.create("Clase 4", Band.AGES_8_10, "teacher-es", "es");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());

		assertThat(child.get("/learn").body()).contains("<html lang=\"es\" dir=\"ltr\">", "Mis lecciones");
		String lesson = child.get("/learn/trusted-adults").body();
		assertThat(lesson).contains("<html lang=\"es\" dir=\"ltr\">", "Paso 1 de");
		boolean translated = !this.curriculum.module("trusted-adults").orElseThrow()
			.lesson(Band.AGES_8_10, "es").orElseThrow().fellBack();
		if (translated) {
			assertThat(lesson).contains("class=\"lesson-step\" lang=\"es\" dir=\"ltr\"")
				.doesNotContain("todavía no está disponible en español");
		}
		else {
			assertThat(lesson).contains("Esta página todavía no está disponible en español, así que se muestra en inglés.",
					"class=\"lesson-step\" lang=\"en\" dir=\"ltr\"");
		}

		child.get("/language?lang=en&return=/learn");
		assertThat(child.get("/learn").body()).contains("<html lang=\"en\" dir=\"ltr\">", "My lessons");
	}

	@Test
	void aClassLanguageChangeReachesItsLearnersOnTheirNextPage() {
		SchoolClass schoolClass = this.classes.create("Year 5", Band.AGES_8_10, "teacher-ar");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
		assertThat(child.get("/learn").body()).contains("<html lang=\"en\" dir=\"ltr\">");

		this.classes.changeLanguage(schoolClass.id(), "ar");

		String page = child.get("/learn/trusted-adults").body();
		assertThat(page).contains("<html lang=\"ar\" dir=\"rtl\">", "هذه الصفحة غير متوفرة بالعربية بعد")
			.contains("class=\"lesson-step\" lang=\"en\" dir=\"ltr\"");
	}

}
