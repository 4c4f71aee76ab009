package org.safesteps.learner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;
import org.safesteps.display.DisplayOptions;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.progress.LearnerGoneException;
import org.safesteps.progress.Progress;
import org.safesteps.progress.ProgressStore;
import org.safesteps.progress.QuizSubmissions;
import org.safesteps.quiz.AnswerSheet;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.quiz.QuizResult;
import org.safesteps.storage.DatabaseFailures;
import org.safesteps.theme.Language;
import org.safesteps.theme.RequestLanguage;
import org.safesteps.theme.RequestTheme;
import org.safesteps.theme.Theme;
import org.safesteps.theme.Themes;

/**
 * A learner's modules, lessons step by step ({@code /learn/{module}?step=n}, n counted from 1) and
 * quizzes. Without a learner cookie these pages send the child to {@code /explore} to pick a band
 * or join a class.
 */
@Controller
class LearnController {

	private static final String LESSON = "learn/lesson";

	private static final String RESULT = "learn/result";

	private static final Pattern STEP_QUERY = Pattern.compile("step=[1-9][0-9]{0,2}");

	private final Curriculum curriculum;

	private final Learners learners;

	private final ProgressStore progress;

	private final AssignmentStore assignments;

	private final QuizSubmissions submissions;

	private final RenderedSteps steps;

	private final RenderedResults results;

	private final Themes themes;

	LearnController(Curriculum curriculum, Learners learners, ProgressStore progress, AssignmentStore assignments,
			QuizSubmissions submissions, RenderedSteps steps, RenderedResults results, Themes themes) {
		this.curriculum = curriculum;
		this.learners = learners;
		this.progress = progress;
		this.assignments = assignments;
		this.submissions = submissions;
		this.steps = steps;
		this.results = results;
		this.themes = themes;
	}

	@GetMapping("/learn")
	String modules(Model model, HttpServletRequest request) {
		Optional<Learner> current = this.learners.current(request);
		if (current.isEmpty()) {
			return "redirect:/explore";
		}
		Learner learner = current.get();
		Map<String, Module> modules = new LinkedHashMap<>();
		this.curriculum.modulesFor(learner.band()).forEach((module) -> modules.put(module.id(), module));
		Map<String, Progress> done = this.progress.forModules(learner.id(), modules.keySet())
			.stream()
			.collect(Collectors.toMap(Progress::moduleId, Function.identity(), (a, b) -> a));
		List<ModuleCard> cards = new ArrayList<>();
		if (learner.inClass()) {
			for (Assignment assignment : this.assignments.forLearnersOf(learner.classId())) {
				Module module = modules.remove(assignment.moduleId());
				if (module != null) {
					cards.add(new ModuleCard(module, true, assignment.dueOn(), done.get(module.id())));
				}
			}
		}
		modules.values().forEach((module) -> cards.add(new ModuleCard(module, false, null, done.get(module.id()))));
		long completed = cards.stream().filter((card) -> "completed".equals(card.state())).count();
		model.addAttribute("learner", learner);
		model.addAttribute("cards", cards);
		model.addAttribute("completed", completed);
		model.addAttribute("total", cards.size());
		return "learn/index";
	}

	@GetMapping("/learn/{moduleId}")
	ModelAndView lesson(@PathVariable String moduleId, @RequestParam(name = "step", required = false) String step,
			Model model, HttpServletRequest request) {
		Optional<Learner> current = this.learners.current(request);
		if (current.isEmpty()) {
			return new ModelAndView("redirect:/explore");
		}
		Learner learner = current.get();
		Module module = module(moduleId, learner);
		Language language = RequestLanguage.of(request);
		Localized<Lesson> localized = module.lesson(learner.band(), language.code())
			.orElseThrow(LearnController::notFound);
		Lesson lesson = localized.value();
		int total = lesson.steps().size();
		int number = stepNumber(step, total);
		if (!this.progress.reached(learner.id(), module.id(), number - 1, total)) {
			// The learner may be a kept copy, of one forgotten on another instance a moment ago: a first
			// visit to a step is written for the learner as the database has them now, so nothing is
			// stored for one forgotten meanwhile.
			Optional<Learner> confirmed = this.learners.confirmed(request);
			if (confirmed.isEmpty()) {
				return new ModelAndView("redirect:/explore");
			}
			this.progress.markStep(confirmed.get().owner(), module.id(), number - 1, total);
		}
		String helpCountry = HelpCountry.of(request).orElse(null);
		RequestLanguage.describeContent(model, localized);
		model.addAttribute("module", module);
		model.addAttribute("pageSummary", module.summary(language.code()).value());
		model.addAttribute("lesson", lesson);
		model.addAttribute("step", lesson.steps().get(number - 1));
		model.addAttribute("body", lesson.steps().get(number - 1).body().forCountry(helpCountry));
		model.addAttribute("number", number);
		model.addAttribute("total", total);
		model.addAttribute("hasQuiz", module.quiz(learner.band()).isPresent());
		if (model.containsAttribute("checkBefore") || !canonical(request.getQueryString())) {
			// a form (the confidence check's, with this browser's CSRF token) or an unusual address:
			// rendered for this request alone
			return new ModelAndView(LESSON);
		}
		Theme theme = this.themes.forRequest(request);
		model.addAttribute("theme", theme);
		model.addAttribute("pageView", LESSON);
		RenderedSteps.Key key = new RenderedSteps.Key(module.id(), learner.band(), number, theme.id(),
				RequestContextUtils.getLocale(request).toLanguageTag(), language.code(), helpCountry,
				(DisplayOptions) model.getAttribute("display"), (String) model.getAttribute("currentPath"),
				(String) model.getAttribute("displayReturn"), signedIn(), this.curriculum.version(),
				request.getContextPath());
		return new ModelAndView(this.steps.view(key, theme.id() + "/" + LESSON));
	}

	@GetMapping("/learn/{moduleId}/quiz")
	String quiz(@PathVariable String moduleId, Model model, HttpServletRequest request) {
		Optional<Learner> current = this.learners.current(request);
		if (current.isEmpty()) {
			return "redirect:/explore";
		}
		Module module = module(moduleId, current.get());
		Quiz quiz = localizedQuiz(module, current.get(), request, model);
		return quizForm(model, module, quiz, DisplayOrder.forLearner(current.get().id()), AnswerSheet.empty(),
				UUID.randomUUID().toString());
	}

	@PostMapping("/learn/{moduleId}/quiz")
	ModelAndView submit(@PathVariable String moduleId,
			@RequestParam(name = "submissionId", required = false) String id, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			return submitAnswers(moduleId, id, model, request);
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.unreachable(ex)) {
				throw ex;
			}
			return new ModelAndView(unsaved(moduleId, id, model, request, response, ex));
		}
	}

	private ModelAndView submitAnswers(String moduleId, String id, Model model, HttpServletRequest request) {
		// possibly a kept copy: the quiz's write batch reads the learners as the database has them and
		// stores nothing for one deleted meanwhile (LearnerGoneException), here or on another instance
		Optional<Learner> current = this.learners.current(request);
		if (current.isEmpty()) {
			return new ModelAndView("redirect:/explore");
		}
		Learner learner = current.get();
		Module module = module(moduleId, learner);
		// A translated quiz has the English ids and answers, so it grades and reports the same.
		Quiz quiz = localizedQuiz(module, learner, request, model);
		String submissionId = submissionId(id);
		DisplayOrder order = DisplayOrder.forLearner(learner.id());
		AnswerSheet sheet = AnswerSheet.read(quiz, order, (name) -> values(request, name));
		if (sheet.hasProblems()) {
			// a resubmission whose answers were lost on the way still shows the first result
			Optional<QuizResult> earlier = this.submissions.earlier(submissionId, learner.owner(), module, quiz);
			if (earlier.isPresent()) {
				return result(model, module, learner, earlier.get().inOrderShown(order), request);
			}
			model.addAttribute("problems", true);
			return new ModelAndView(quizForm(model, module, quiz, order, sheet, submissionId));
		}
		// a complete submission goes straight to the insert: the unique submission id finds a
		// resubmission (the first result is shown), so the common case costs no extra read
		try {
			return result(model, module, learner, this.submissions
				.submit(learner.owner(), module, quiz, this.curriculum.version(), submissionId, sheet.chosen())
				.inOrderShown(order), request);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		catch (LearnerGoneException ex) {
			// as for a learner the lookup does not find; reading them from the database drops the kept copy
			this.learners.confirmed(request);
			return new ModelAndView("redirect:/explore");
		}
	}

	/**
	 * The database failed while the answers were being saved: the child gets the quiz back as they
	 * filled it in (503), to send again with the same submission id once it returns. The band and the
	 * option order's key come from the form, since the learner cannot be looked up; they only pick
	 * which quiz to show and in which order (the answers are read again from the learner on resending).
	 */
	private String unsaved(String moduleId, String id, Model model, HttpServletRequest request,
			HttpServletResponse response, RuntimeException failure) {
		Optional<Band> band = Band.fromId(request.getParameter("band"));
		Optional<Module> module = band.flatMap((chosen) -> this.curriculum.module(moduleId)
			.filter((found) -> found.hasBand(chosen)));
		Optional<Localized<Quiz>> localized = module
			.flatMap((found) -> found.quiz(band.get(), RequestLanguage.of(request).code()));
		Optional<DisplayOrder> order = DisplayOrder.fromKey(request.getParameter("order"));
		if (localized.isEmpty() || order.isEmpty()) {
			throw failure;
		}
		RequestLanguage.describeContent(model, localized.get());
		model.addAttribute("pageSummary", module.get().summary(RequestLanguage.of(request).code()).value());
		Optional<Quiz> quiz = localized.map(Localized::value);
		RequestTheme.useBand(request, band.get());
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader("Retry-After", "30");
		model.addAttribute("unsaved", true);
		return quizForm(model, module.get(), quiz.get(), order.get(),
				AnswerSheet.read(quiz.get(), order.get(), (name) -> values(request, name)), submissionId(id));
	}

	private String quizForm(Model model, Module module, Quiz quiz, DisplayOrder order, AnswerSheet sheet,
			String submissionId) {
		Map<String, List<Option>> shown = new LinkedHashMap<>();
		for (Question question : quiz.questions()) {
			shown.put(question.id(), order.of(question));
		}
		model.addAttribute("orderKey", order.key());
		model.addAttribute("module", module);
		model.addAttribute("quiz", quiz);
		model.addAttribute("shown", shown);
		model.addAttribute("answers", sheet);
		model.addAttribute("submissionId", submissionId);
		return "learn/quiz";
	}

	/** The result page, put together from kept pieces ({@link RenderedResults}). */
	private ModelAndView result(Model model, Module module, Learner learner, QuizResult result,
			HttpServletRequest request) {
		model.addAttribute("module", module);
		model.addAttribute("result", result);
		Theme theme = this.themes.forRequest(request);
		model.addAttribute("theme", theme);
		model.addAttribute("pageView", RESULT);
		RenderedResults.Page page = new RenderedResults.Page(module.id(), learner.band(), theme.id(),
				RequestContextUtils.getLocale(request).toLanguageTag(), RequestLanguage.of(request).code(),
				HelpCountry.of(request).orElse(null), (DisplayOptions) model.getAttribute("display"),
				(String) model.getAttribute("currentPath"), (String) model.getAttribute("displayReturn"), signedIn(),
				this.curriculum.version(), request.getContextPath(), (String) model.getAttribute("checkAfter"));
		return new ModelAndView(this.results.view(page, result, theme.id() + "/" + RESULT));
	}

	private static Quiz localizedQuiz(Module module, Learner learner, HttpServletRequest request, Model model) {
		// the quiz and its result are described by the module's summary, in the reader's language
		model.addAttribute("pageSummary", module.summary(RequestLanguage.of(request).code()).value());
		Localized<Quiz> localized = module.quiz(learner.band(), RequestLanguage.of(request).code())
			.orElseThrow(LearnController::notFound);
		RequestLanguage.describeContent(model, localized);
		return localized.value();
	}

	private Module module(String moduleId, Learner learner) {
		return this.curriculum.module(moduleId).filter((module) -> module.hasBand(learner.band()))
			.orElseThrow(LearnController::notFound);
	}

	/** No query, or the step alone: the addresses the lesson's own links use. */
	private static boolean canonical(String query) {
		return query == null || STEP_QUERY.matcher(query).matches();
	}

	/** Whether a teacher is signed in in this browser too (the footer's sign-in link depends on it). */
	private static boolean signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	private static int stepNumber(String step, int total) {
		if (step == null) {
			return 1;
		}
		try {
			int number = Integer.parseInt(step);
			if (number >= 1 && number <= total) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to not found
		}
		throw notFound();
	}

	private static String submissionId(String id) {
		try {
			return UUID.fromString((id == null) ? "" : id).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
	}

	private static List<String> values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return (values == null) ? List.of() : Arrays.asList(values);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
