package org.safesteps.teacher;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import org.safesteps.account.Account;
import org.safesteps.account.CurrentAccount;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;

/**
 * Every class URL goes through here: the class is found only among the signed-in teacher's own
 * classes, so someone else's class id gives 404, the same as an id that does not exist.
 */
@Component
class ClassAccess {

	private final ClassStore classes;

	ClassAccess(ClassStore classes) {
		this.classes = classes;
	}

	Account teacher(HttpServletRequest request) {
		return CurrentAccount.of(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
	}

	SchoolClass require(String classId, HttpServletRequest request) {
		return this.classes.findForTeacher(classId, teacher(request).id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	SchoolClass requireOwner(String classId, HttpServletRequest request) {
		SchoolClass found = require(classId, request);
		if (!found.isOwnedBy(teacher(request).id())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return found;
	}

}
