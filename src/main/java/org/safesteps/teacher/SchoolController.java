package org.safesteps.teacher;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.ClassTeaching;
import org.safesteps.progress.QuestionStatistics;
import org.safesteps.progress.SchoolReports;

/**
 * /admin/school: every class of the school with its completion and scores, and every quiz
 * question's statistics (/admin/school/questions, also as CSV), for admins only (the security rules
 * let only ADMIN accounts under /admin). Figures only: no pseudonyms, no figure over fewer than 5
 * learners, and no links into classes the admin does not teach.
 */
@Controller
class SchoolController {

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final AccountStore accounts;

	private final Curriculum curriculum;

	private final SchoolReports reports;

	private final QuestionStatistics statistics;

	private final ClassTeaching teaching;

	private final MessageSource messages;

	SchoolController(ClassStore classes, AssignmentStore assignments, AccountStore accounts, Curriculum curriculum,
			SchoolReports reports, QuestionStatistics statistics, ClassTeaching teaching, MessageSource messages) {
		this.classes = classes;
		this.assignments = assignments;
		this.accounts = accounts;
		this.curriculum = curriculum;
		this.reports = reports;
		this.statistics = statistics;
		this.teaching = teaching;
		this.messages = messages;
	}

	@GetMapping("/admin/school")
	String school(Model model) {
		model.addAttribute("school", SchoolOverview.build(this.reports, this.curriculum, this.classes.all(),
				this.assignments.all(), this.accounts.all(), this.teaching.taughtByClass()));
		return "teacher/school";
	}

	/** Every question's facility and discrimination over all classes, sortable (no script needed). */
	@GetMapping("/admin/school/questions")
	String questions(@RequestParam(name = "sort", required = false) String sort, Model model) {
		model.addAttribute("questions", SchoolQuestions.build(this.statistics, this.curriculum, sort));
		return "teacher/school-questions";
	}

	@GetMapping(path = "/admin/school/questions.csv", produces = "text/csv;charset=UTF-8")
	void questionsCsv(@RequestParam(name = "sort", required = false) String sort, Locale locale,
			HttpServletResponse response) throws IOException {
		Writer out = CsvDownload.open(response, "question-statistics.csv");
		SchoolQuestionsCsv.write(out, SchoolQuestions.build(this.statistics, this.curriculum, sort), this.messages,
				locale);
		out.flush();
	}

}
