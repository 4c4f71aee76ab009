package org.safesteps.teacher;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;

import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.TeacherNotes;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.theme.RequestLanguage;

/**
 * A module's teacher notes on a teacher's page: in the language the teacher reads the site in when
 * the notes are translated, in English otherwise; help boxes list the services of the teacher's country.
 */
final class TeacherNotesView {

	private TeacherNotesView() {
	}

	/** Sets {@code notes} (HTML), {@code notesSummary} and {@code notesLang} (the notes' language). */
	static void describe(Model model, Module module, HttpServletRequest request) {
		Localized<TeacherNotes> notes = module.teacherNotes(RequestLanguage.of(request).code());
		model.addAttribute("notes", notes.value().body().forCountry(HelpCountry.of(request).orElse(null)));
		model.addAttribute("notesSummary", notes.value().summary());
		model.addAttribute("notesLang", notes.language());
	}

}
