package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.Assignment;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassDeletion;
import org.safesteps.classroom.ClassEvents;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.lti.CourseLinks;
import org.safesteps.progress.ClassReports;
import org.safesteps.theme.Language;

/**
 * /teacher/classes/{id}: the join code, joining open or closed, co-teachers, assignments (with the
 * confirmation a sensitive module needs), the report, and removing learners or the class.
 */
@Controller
class ClassController {

	private final ClassAccess access;

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final AccountStore accounts;

	private final Curriculum curriculum;

	private final ClassReports reports;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final CourseLinks courseLinks;

	private final ClassDeletion deletion;

	private final ClassReportSection reportSection;

	private final KeptClassPage keptPage;

	ClassController(ClassAccess access, ClassStore classes, AssignmentStore assignments, AccountStore accounts,
			Curriculum curriculum, ClassReports reports, ApplicationEventPublisher events, MessageSource messages,
			CourseLinks courseLinks, ClassDeletion deletion, ClassReportSection reportSection,
			KeptClassPage keptPage) {
		this.access = access;
		this.classes = classes;
		this.assignments = assignments;
		this.accounts = accounts;
		this.curriculum = curriculum;
		this.reports = reports;
		this.events = events;
		this.messages = messages;
		this.courseLinks = courseLinks;
		this.deletion = deletion;
		this.reportSection = reportSection;
		this.keptPage = keptPage;
	}

	/** The page, kept while nothing on it changed ({@link KeptClassPage}); built from the database each time. */
	@GetMapping("/teacher/classes/{classId}")
	View show(@PathVariable String classId, HttpServletRequest request, HttpServletResponse response, Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		if (!model.containsAttribute("assignForm")) {
			model.addAttribute("assignForm", new AssignForm("", null, null));
		}
		page(schoolClass, request, response, model);
		return this.keptPage;
	}

	@PostMapping("/teacher/classes/{classId}/code")
	String regenerate(@PathVariable String classId, HttpServletRequest request, RedirectAttributes redirect) {
		this.classes.regenerateCode(this.access.require(classId, request).id());
		redirect.addFlashAttribute("notice", "class.notice.code");
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/joining")
	String joining(@PathVariable String classId, @RequestParam boolean open, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.classes.setOpen(this.access.require(classId, request).id(), open);
		redirect.addFlashAttribute("notice", open ? "class.notice.opened" : "class.notice.closed");
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/language")
	String language(@PathVariable String classId, @RequestParam(name = "language", required = false) String code,
			HttpServletRequest request, RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.require(classId, request);
		Language language = Language.fromCode(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
		this.classes.changeLanguage(schoolClass.id(), language.code());
		redirect.addFlashAttribute("notice", "class.notice.language");
		return "redirect:/teacher/classes/" + schoolClass.id();
	}

	@PostMapping("/teacher/classes/{classId}/teachers")
	String addTeacher(@PathVariable String classId, @RequestParam(defaultValue = "") String email,
			HttpServletRequest request, RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.require(classId, request);
		Optional<Account> colleague = (email.length() > 254) ? Optional.empty() : this.accounts.findByEmail(email);
		if (colleague.isEmpty() || !colleague.get().isActive()) {
			redirect.addFlashAttribute("problem", "class.teachers.unknown");
		}
		else {
			this.classes.addTeacher(schoolClass.id(), colleague.get().id());
			redirect.addFlashAttribute("notice", "class.notice.teacherAdded");
		}
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/teachers/{accountId}/remove")
	String removeTeacher(@PathVariable String classId, @PathVariable String accountId, HttpServletRequest request,
			RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.requireOwner(classId, request);
		this.classes.removeTeacher(schoolClass.id(), accountId);
		redirect.addFlashAttribute("notice", "class.notice.teacherRemoved");
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/assignments")
	String assign(@PathVariable String classId, @Valid @ModelAttribute AssignForm assignForm, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.require(classId, request);
		if (result.getTarget() == null) {
			// a due date that is no date (the date field never sends one): no form could be built to show again
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		Optional<Module> module = this.curriculum.module(assignForm.moduleId())
			.filter((found) -> found.hasBand(schoolClass.band()));
		if (!result.hasFieldErrors("moduleId") && module.isEmpty()) {
			result.rejectValue("moduleId", "class.assign.unknown");
		}
		if (result.hasErrors()) {
			return page(schoolClass, request, response, model);
		}
		if (module.get().sensitive() && !assignForm.isConfirmed()) {
			model.addAttribute("schoolClass", schoolClass);
			model.addAttribute("module", module.get());
			model.addAttribute("assignForm", assignForm);
			TeacherNotesView.describe(model, module.get(), request);
			return "teacher/confirm";
		}
		this.assignments.assign(schoolClass.id(), module.get().id(), assignForm.dueOn(),
				this.assignments.nextPosition(schoolClass.id()));
		redirect.addFlashAttribute("notice", "class.notice.assigned");
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/assignments/{moduleId}/remove")
	String unassign(@PathVariable String classId, @PathVariable String moduleId, HttpServletRequest request,
			RedirectAttributes redirect) {
		this.assignments.unassign(this.access.require(classId, request).id(), moduleId);
		redirect.addFlashAttribute("notice", "class.notice.unassigned");
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/assignments/{moduleId}/move")
	String move(@PathVariable String classId, @PathVariable String moduleId, @RequestParam String direction,
			HttpServletRequest request) {
		int step = switch (direction) {
			case "up" -> -1;
			case "down" -> 1;
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		};
		this.assignments.move(this.access.require(classId, request).id(), moduleId, step);
		return back(classId) + "#assignments";
	}

	@PostMapping("/teacher/classes/{classId}/learners/remove")
	String removeLearner(@PathVariable String classId, @RequestParam(defaultValue = "") String pseudonym,
			HttpServletRequest request, RedirectAttributes redirect) {
		SchoolClass schoolClass = this.access.require(classId, request);
		ClassReports.LearnerRef learner = this.reports.learner(schoolClass.id(), pseudonym)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))
			.learner();
		this.events.publishEvent(new ClassEvents.LearnerRemoved(schoolClass.id(), learner.id()));
		redirect.addFlashAttribute("notice", "class.notice.learnerRemoved");
		return back(classId);
	}

	@PostMapping("/teacher/classes/{classId}/delete")
	String delete(@PathVariable String classId, HttpServletRequest request, RedirectAttributes redirect) {
		// a class whose deletion was interrupted is hidden from requireOwner, so the owner's retry
		// goes straight to the deletion; anyone else gets requireOwner's 404 or 403
		if (!this.deletion.delete(classId, this.access.teacher(request).id())) {
			this.access.requireOwner(classId, request);
		}
		redirect.addFlashAttribute("notice", "class.notice.deleted");
		return "redirect:/teacher";
	}

	@GetMapping("/teacher/classes/{classId}/learner")
	String learner(@PathVariable String classId, @RequestParam(defaultValue = "") String pseudonym,
			HttpServletRequest request, Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		ClassReports.LearnerReport report = this.reports.learner(schoolClass.id(), pseudonym)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("report", report);
		model.addAttribute("titles", report.progress()
			.stream()
			.map(ClassReports.Cell::moduleId)
			.collect(Collectors.toMap((id) -> id, (id) -> ClassReport.title(this.curriculum, id), (a, b) -> a)));
		model.addAttribute("attemptTitles", report.attempts()
			.stream()
			.map(ClassReports.AttemptLine::moduleId)
			.collect(Collectors.toMap((id) -> id, (id) -> ClassReport.title(this.curriculum, id), (a, b) -> a)));
		return "teacher/learner";
	}

	/** Every question of one module's quiz with how the class answered it; 404 for a module without a quiz. */
	@GetMapping("/teacher/classes/{classId}/questions/{moduleId}")
	String questions(@PathVariable String classId, @PathVariable String moduleId, HttpServletRequest request,
			Model model) {
		SchoolClass schoolClass = this.access.require(classId, request);
		ClassReport.ModuleQuestions questions = ClassReport
			.questions(this.reports, this.curriculum, schoolClass.id(), schoolClass.band(), moduleId,
					ClassReport.Labels.of(this.messages, RequestContextUtils.getLocale(request)))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("questions", questions);
		return "teacher/questions";
	}

	private String page(SchoolClass schoolClass, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Account viewer = this.access.teacher(request);
		String me = viewer.id();
		List<Assignment> assigned = this.assignments.forClass(schoolClass.id());
		Set<String> assignedIds = assigned.stream().map(Assignment::moduleId).collect(Collectors.toSet());
		List<AssignedModule> rows = new ArrayList<>();
		for (Assignment assignment : assigned) {
			this.curriculum.module(assignment.moduleId())
				.ifPresent((module) -> rows.add(new AssignedModule(module, assignment)));
		}
		List<Account> teachers = new ArrayList<>();
		for (String teacherId : schoolClass.teacherIds()) {
			// the viewer's own account was read for this request already (AccountStatusFilter)
			if (teacherId.equals(me)) {
				teachers.add(viewer);
			}
			else {
				this.accounts.findById(teacherId).ifPresent(teachers::add);
			}
		}
		model.addAttribute("schoolClass", schoolClass);
		model.addAttribute("owner", schoolClass.isOwnedBy(me));
		model.addAttribute("linkedCourse", this.courseLinks.courseOf(schoolClass.id()).orElse(null));
		model.addAttribute("teachers", teachers);
		model.addAttribute("assigned", rows);
		model.addAttribute("assignable", this.curriculum.modulesFor(schoolClass.band())
			.stream()
			.filter((module) -> !assignedIds.contains(module.id()))
			.toList());
		List<String> moduleIds = rows.stream().map((row) -> row.module().id()).toList();
		ClassReports.Summary summary = this.reports.summary(schoolClass.id(), moduleIds);
		Locale locale = RequestContextUtils.getLocale(request);
		model.addAttribute("reportSection", this.reportSection.html(schoolClass.id(), schoolClass.band(), moduleIds,
				summary, () -> ClassReport.build(summary, this.curriculum, schoolClass.band(), moduleIds,
						ClassReport.Labels.of(this.messages, locale)),
				locale, request, response));
		return KeptClassPage.VIEW;
	}

	private static String back(String classId) {
		return "redirect:/teacher/classes/" + classId;
	}

	/**
	 * An assignment with its module, for the list on the class page. Public, as {@link ClassReport}
	 * is: the SpEL compiler turns {@code row.module.id} into direct calls only when every type on
	 * the way is public; on a package-private record it reflects on every read, 24 rows a page.
	 */
	public record AssignedModule(Module module, Assignment assignment) {
	}

}
