package org.safesteps.teacher;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.content.Curriculum;
import org.safesteps.progress.SchoolReports;

/**
 * /admin/school: every class of the school with its completion and scores, for admins only (the
 * security rules let only ADMIN accounts under /admin). Figures only: no pseudonyms, and no links
 * into classes the admin does not teach.
 */
@Controller
class SchoolController {

	private final ClassStore classes;

	private final AssignmentStore assignments;

	private final AccountStore accounts;

	private final Curriculum curriculum;

	private final SchoolReports reports;

	SchoolController(ClassStore classes, AssignmentStore assignments, AccountStore accounts, Curriculum curriculum,
			SchoolReports reports) {
		this.classes = classes;
		this.assignments = assignments;
		this.accounts = accounts;
		this.curriculum = curriculum;
		this.reports = reports;
	}

	@GetMapping("/admin/school")
	String school(Model model) {
		model.addAttribute("school", SchoolOverview.build(this.reports, this.curriculum, this.classes.all(),
				this.assignments.all(), this.accounts.all()));
		return "teacher/school";
	}

}
