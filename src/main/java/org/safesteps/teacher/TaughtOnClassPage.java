package org.safesteps.teacher;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import org.safesteps.progress.ClassTeaching;

/**
 * Gives the class page the days its modules were taught to the class from the front, for the
 * "Teach it from the front" block. Kept apart from the class page's controller so that feature
 * stays one small block on that page. The page itself checks access before anything is shown.
 */
@ControllerAdvice(assignableTypes = ClassController.class)
class TaughtOnClassPage {

	private final ClassTeaching teaching;

	TaughtOnClassPage(ClassTeaching teaching) {
		this.teaching = teaching;
	}

	@ModelAttribute("taughtOn")
	Map<String, LocalDate> taughtOn(@PathVariable(name = "classId", required = false) String classId) {
		return (classId == null) ? Map.of() : this.teaching.taught(classId);
	}

}
