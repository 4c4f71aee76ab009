package org.safesteps.teacher;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import org.safesteps.content.Audience;
import org.safesteps.content.Band;
import org.safesteps.content.Country;
import org.safesteps.content.Curriculum;
import org.safesteps.content.HelpDirectory;
import org.safesteps.content.Lesson;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.Step;
import org.safesteps.content.TeacherNotes;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.theme.RequestLanguage;
import org.safesteps.theme.RequestTheme;

/**
 * One lesson shown to a class from the front: its steps, one a slide, then a last slide with the
 * help services of the chosen country. The projector view and the presenter notes share the same
 * step address ({@code ?step=}), so either can be moved on its own and both show the same step.
 * Nothing here reads learners: the views are safe on a projector.
 *
 * @param curriculum where the help directory's countries come from
 * @param base the projector view's path; the notes are at {@code base + "/notes"}
 * @param exit where "End" goes (the class page or the module preview)
 * @param channel the name both views share on a BroadcastChannel, so one follows the other
 */
record Presentation(Curriculum curriculum, Module module, Band band, Localized<Lesson> lesson, Country country, String base, String exit,
		String channel) {

	static Presentation of(Curriculum curriculum, String moduleId, Band band, String language, HttpServletRequest request,
			String base, String exit, String channel) {
		Module module = curriculum.module(moduleId).filter((found) -> found.hasBand(band))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Localized<Lesson> lesson = module.lesson(band, language).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Country country = curriculum.help().forCountry(HelpCountry.of(request).orElse(HelpDirectory.INTERNATIONAL));
		return new Presentation(curriculum, module, band, lesson, country, base, exit, channel);
	}

	/** Every country of the help directory, "any other country" last, for the teacher's choice. */
	static List<Country> countries(Curriculum curriculum) {
		return curriculum.help().countries().stream()
			.sorted(Comparator.comparing((Country c) -> c.code().equals(HelpDirectory.INTERNATIONAL))
				.thenComparing(Country::name))
			.toList();
	}

	/** Lesson steps plus the help slide. */
	int slides() {
		return this.lesson.value().steps().size() + 1;
	}

	int checked(int slide) {
		if (slide < 1 || slide > slides()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return slide;
	}

	String board(int slide) {
		return link(this.base, slide);
	}

	String notes(int slide) {
		return link(this.base + "/notes", slide);
	}

	private String link(String path, int slide) {
		return UriComponentsBuilder.fromPath(path).queryParam("step", slide).queryParam("country", this.country.code())
			.build().toUriString();
	}

	/** What both views need for one slide; the projector view renders in the band's theme. */
	void describe(int slide, boolean notesView, HttpServletRequest request, Model model) {
		int number = checked(slide);
		List<Step> steps = this.lesson.value().steps();
		boolean help = number > steps.size();
		Step step = help ? null : steps.get(number - 1);
		if (!notesView) {
			RequestTheme.showInBand(request, this.band);
		}
		RequestLanguage.describeContent(model, this.lesson);
		model.addAttribute("module", this.module);
		model.addAttribute("band", this.band);
		model.addAttribute("lesson", this.lesson.value());
		model.addAttribute("number", number);
		model.addAttribute("total", steps.size());
		model.addAttribute("helpSlide", help);
		model.addAttribute("step", step);
		model.addAttribute("body", help ? "" : step.body().forCountry(this.country.code()));
		model.addAttribute("country", this.country);
		model.addAttribute("countries", countries(this.curriculum));
		model.addAttribute("services", this.country.servicesFor(Audience.CHILD));
		model.addAttribute("previous", (number > 1) ? (notesView ? notes(number - 1) : board(number - 1)) : null);
		model.addAttribute("next", (number < slides()) ? (notesView ? notes(number + 1) : board(number + 1)) : null);
		model.addAttribute("boardLink", board(number));
		model.addAttribute("notesLink", notes(number));
		model.addAttribute("exit", this.exit);
		model.addAttribute("channel", this.channel);
		model.addAttribute("nextTitle", (number < steps.size()) ? steps.get(number).title() : null);
		if (notesView) {
			// the notes are for the teacher: in the language of their pages when translated
			Localized<TeacherNotes> teacherNotes = this.module.teacherNotes(RequestLanguage.of(request).code());
			model.addAttribute("notesLang", teacherNotes.language());
			NotesSections notes = NotesSections.of(teacherNotes.value().body().forCountry(this.country.code()));
			model.addAttribute("talk", help ? List.of() : NotesSections.talkPrompts(step.body().forCountry(this.country.code())));
			model.addAttribute("objectives", (number == 1) ? notes.section(NotesSections.OBJECTIVES) : "");
			model.addAttribute("groundRules", (number == 1) ? notes.section(NotesSections.GROUND_RULES) : "");
			model.addAttribute("introducing", (number == 1) ? notes.section(NotesSections.INTRODUCING) : "");
			model.addAttribute("discussion", (number == steps.size()) ? notes.discussion(this.band) : "");
			model.addAttribute("disclosure", notes.section(NotesSections.DISCLOSURE));
		}
	}

}
