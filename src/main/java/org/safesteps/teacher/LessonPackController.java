package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.content.Audience;
import org.safesteps.content.Band;
import org.safesteps.content.Country;
import org.safesteps.content.Curriculum;
import org.safesteps.content.HelpDirectory;
import org.safesteps.content.Lesson;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.theme.Language;
import org.safesteps.theme.RequestLanguage;

/**
 * Printable lesson packs for a class without devices: the children's worksheets (the lesson, room
 * to write or draw beside each "talk about it" for the younger bands, the quiz on paper, the help
 * services of the chosen country) and the teacher's answer key, for every module and band, in
 * every language the lesson has ({@code ?lang=}). Printed from the browser; the print styles fit
 * A4 and US Letter.
 */
@Controller
class LessonPackController {

	private final Curriculum curriculum;

	LessonPackController(Curriculum curriculum) {
		this.curriculum = curriculum;
	}

	@GetMapping("/teacher/modules/{moduleId}/{bandId}/pack")
	String worksheets(@PathVariable String moduleId, @PathVariable String bandId, HttpServletRequest request,
			Model model) {
		Pack pack = pack(moduleId, bandId, request, model);
		Country country = this.curriculum.help().forCountry(HelpCountry.of(request).orElse(HelpDirectory.INTERNATIONAL));
		Localized<Lesson> lesson = pack.module().lesson(pack.band(), pack.language())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		RequestLanguage.describeContent(model, lesson);
		model.addAttribute("lesson", lesson.value());
		model.addAttribute("country", country);
		model.addAttribute("countries", Presentation.countries(this.curriculum));
		model.addAttribute("services", country.servicesFor(Audience.CHILD));
		model.addAttribute("young", pack.band() == Band.AGES_5_7 || pack.band() == Band.AGES_8_10);
		return "teacher/pack";
	}

	@GetMapping("/teacher/modules/{moduleId}/{bandId}/answers")
	String answers(@PathVariable String moduleId, @PathVariable String bandId, HttpServletRequest request,
			Model model) {
		Pack pack = pack(moduleId, bandId, request, model);
		if (pack.module().quiz(pack.band()).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "teacher/answers";
	}

	private Pack pack(String moduleId, String bandId, HttpServletRequest request, Model model) {
		Band band = Band.fromId(bandId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Module module = this.curriculum.module(moduleId).filter((found) -> found.hasBand(band))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Set<String> languages = new TreeSet<>(List.of(Localized.ENGLISH));
		module.translations().forEach((code, translation) -> {
			if (translation.lessons().containsKey(band)) {
				languages.add(code);
			}
		});
		// The pack speaks the language it is printed in, lesson and headings alike.
		String language = RequestLanguage.of(request).code();
		RequestLanguage.usePageLanguage(request, Language.fromCode(language).orElse(Language.ENGLISH));
		Localized<Quiz> quiz = module.quiz(band, language).orElse(null);
		model.addAttribute("module", module);
		model.addAttribute("title", module.title(language).value());
		model.addAttribute("band", band);
		model.addAttribute("packLanguages", languages.stream().map(Language::fromCode).flatMap(java.util.Optional::stream).toList());
		model.addAttribute("packLanguage", language);
		model.addAttribute("quizLang", (quiz == null) ? language : quiz.language());
		model.addAttribute("questions", (quiz == null) ? List.of()
				: quiz.value().questions().stream().map((q) -> BoardQuestion.of(module.id(), band, q)).toList());
		// a short form of the content hash is enough to tell two printings of different content apart
		String version = this.curriculum.version();
		model.addAttribute("contentVersion", version.substring(0, Math.min(12, version.length())));
		model.addAttribute("printed", LocalDate.now());
		return new Pack(module, band, language);
	}

	private record Pack(Module module, Band band, String language) {
	}

}
