package org.safesteps.teacher;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.progress.ClassTeaching;
import org.safesteps.theme.Language;
import org.safesteps.theme.RequestLanguage;
import org.safesteps.theme.RequestTheme;

/**
 * "Quiz with the class": one question at a time on the board, then its answer and every option's
 * feedback; the teacher may record the class's tally of hands (numbers only). Also marks a module
 * as taught to the class from the front. Only the class's teachers reach any of it.
 */
@Controller
class ClassQuizController {

	private final ClassAccess access;

	private final Curriculum curriculum;

	private final ClassTeaching teaching;

	ClassQuizController(ClassAccess access, Curriculum curriculum, ClassTeaching teaching) {
		this.access = access;
		this.curriculum = curriculum;
		this.teaching = teaching;
	}

	@GetMapping("/teacher/classes/{classId}/class-quiz/{moduleId}")
	String question(@PathVariable String classId, @PathVariable String moduleId, @RequestParam(defaultValue = "1") int q,
			@RequestParam(defaultValue = "false") boolean reveal, HttpServletRequest request, Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		return board(schoolClass, moduleId, q, reveal, null, request, model);
	}

	@PostMapping("/teacher/classes/{classId}/class-quiz/{moduleId}/tally")
	String tally(@PathVariable String classId, @PathVariable String moduleId, @RequestParam(defaultValue = "1") int q,
			@RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.require(classId, request);
		BoardQuestion question = question(quiz(schoolClass, moduleId, request).value(), moduleId, schoolClass, q);
		if (!question.tallied()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		TallyForm form = TallyForm.read(question, fields);
		if (form.hasErrors()) {
			return board(schoolClass, moduleId, q, true, form, request, model);
		}
		this.teaching.recordTally(schoolClass.id(), moduleId, form.tally(question));
		redirect.addFlashAttribute("notice", "tally.saved");
		return "redirect:/teacher/classes/" + schoolClass.id() + "/class-quiz/" + moduleId + "?q=" + q + "&reveal=true";
	}

	@PostMapping("/teacher/classes/{classId}/taught/{moduleId}")
	String taught(@PathVariable String classId, @PathVariable String moduleId,
			@RequestParam(name = "on", defaultValue = "") String on, HttpServletRequest request,
			RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.require(classId, request);
		Module module = this.curriculum.module(moduleId).filter((found) -> found.hasBand(schoolClass.band()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		LocalDate day;
		try {
			day = on.isBlank() ? LocalDate.now() : LocalDate.parse(on);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (day.isAfter(LocalDate.now())) {
			// a lesson is marked once it has been taught, never ahead of time
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.teaching.markTaught(schoolClass.id(), module.id(), day);
		redirect.addFlashAttribute("notice", "teach.marked");
		return "redirect:/teacher/classes/" + schoolClass.id() + "#teach";
	}

	private String board(SchoolClass schoolClass, String moduleId, int q, boolean reveal, TallyForm form,
			HttpServletRequest request, Model model) {
		Localized<Quiz> quiz = quiz(schoolClass, moduleId, request);
		BoardQuestion question = question(quiz.value(), moduleId, schoolClass, q);
		int total = quiz.value().questions().size();
		String base = "/teacher/classes/" + schoolClass.id() + "/class-quiz/" + moduleId;
		RequestTheme.showInBand(request, schoolClass.band());
		RequestLanguage.describeContent(model, quiz);
		Module module = this.curriculum.module(moduleId).orElseThrow();
		ClassTeaching.Tally tally = this.teaching.tallies(schoolClass.id(), moduleId).get(question.question().id());
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("moduleTitle", module.title(quiz.language()).value());
		model.addAttribute("question", question);
		model.addAttribute("number", q);
		model.addAttribute("total", total);
		model.addAttribute("reveal", reveal);
		model.addAttribute("revealLink", base + "?q=" + q + "&reveal=true");
		model.addAttribute("previous", reveal ? base + "?q=" + q : (q > 1) ? base + "?q=" + (q - 1) + "&reveal=true" : null);
		model.addAttribute("next", !reveal ? base + "?q=" + q + "&reveal=true" : (q < total) ? base + "?q=" + (q + 1) : null);
		model.addAttribute("exit", "/teacher/classes/" + schoolClass.id() + "#teach");
		model.addAttribute("tallyAction", base + "/tally?q=" + q);
		model.addAttribute("tally", tally);
		model.addAttribute("form", (form != null) ? form : TallyForm.of(question, tally));
		return "teacher/present/quiz";
	}

	private Localized<Quiz> quiz(SchoolClass schoolClass, String moduleId, HttpServletRequest request) {
		RequestLanguage.usePageLanguage(request, Language.fromCode(schoolClass.language()).orElse(Language.ENGLISH));
		return this.curriculum.module(moduleId)
			.filter((module) -> module.hasBand(schoolClass.band()))
			.flatMap((module) -> module.quiz(schoolClass.band(), RequestLanguage.of(request).code()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static BoardQuestion question(Quiz quiz, String moduleId, SchoolClass schoolClass, int q) {
		if (q < 1 || q > quiz.questions().size()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return BoardQuestion.of(moduleId, schoolClass.band(), quiz.questions().get(q - 1));
	}

	/** The letters of a question's options: the tally form has one field per letter ({@code count-A}...). */
	static List<String> letters(BoardQuestion question) {
		return question.options().stream().map(BoardQuestion.Lettered::letter).toList();
	}

	/**
	 * The tally as typed, with a message key per field in error (and the arguments of the total's
	 * message). Other request fields (the CSRF token, {@code q}) are ignored.
	 */
	record TallyForm(String present, Map<String, String> counts, Map<String, String> errors, List<Integer> totalArgs) {

		static final int MAX_PRESENT = 200;

		static TallyForm of(BoardQuestion question, ClassTeaching.Tally tally) {
			Map<String, String> counts = new LinkedHashMap<>();
			for (BoardQuestion.Lettered lettered : question.options()) {
				counts.put(lettered.letter(),
						(tally == null) ? "" : String.valueOf(tally.counts().getOrDefault(lettered.option().id(), 0)));
			}
			return new TallyForm((tally == null) ? "" : String.valueOf(tally.present()), counts, Map.of(), List.of());
		}

		static TallyForm read(BoardQuestion question, Map<String, String> fields) {
			Map<String, String> errors = new LinkedHashMap<>();
			String present = fields.getOrDefault("present", "").strip();
			Integer children = number(present);
			if (children == null || children < 1 || children > MAX_PRESENT) {
				errors.put("present", "tally.error.present");
			}
			Map<String, String> counts = new LinkedHashMap<>();
			int sum = 0;
			for (String letter : letters(question)) {
				String typed = fields.getOrDefault("count-" + letter, "").strip();
				counts.put(letter, typed);
				Integer count = typed.isEmpty() ? Integer.valueOf(0) : number(typed);
				if (count == null || count < 0) {
					errors.put("count-" + letter, "tally.error.number");
				}
				else {
					sum += count;
				}
			}
			List<Integer> totalArgs = List.of();
			if (errors.isEmpty() && sum > children) {
				errors.put("total", "tally.error.total");
				totalArgs = List.of(sum, children);
			}
			return new TallyForm(present, counts, errors, totalArgs);
		}

		public boolean hasErrors() {
			return !this.errors.isEmpty();
		}

		ClassTeaching.Tally tally(BoardQuestion question) {
			Map<String, Integer> byOption = new LinkedHashMap<>();
			int correct = 0;
			for (BoardQuestion.Lettered lettered : question.options()) {
				String typed = this.counts.get(lettered.letter());
				int count = typed.isEmpty() ? 0 : Integer.parseInt(typed);
				byOption.put(lettered.option().id(), count);
				if (lettered.option().correct()) {
					correct += count;
				}
			}
			return new ClassTeaching.Tally(question.question().id(), Integer.parseInt(this.present), byOption, correct);
		}

		private static Integer number(String typed) {
			if (!typed.matches("-?[0-9]{1,6}")) {
				return null;
			}
			return Integer.valueOf(typed);
		}

	}

}
