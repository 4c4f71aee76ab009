package org.safesteps.content;

import java.util.Map;

/**
 * A module's text in one language other than English; {@code title} and {@code summary} are null
 * when there is no {@code module.<language>.yml}, {@code teacherNotes} when there is no
 * {@code teacher.<language>.md}, and bands without a translated file are absent.
 */
public record ModuleTranslation(String title, String summary, Map<Band, Lesson> lessons, Map<Band, Quiz> quizzes,
		TeacherNotes teacherNotes) {

	public ModuleTranslation {
		lessons = Map.copyOf(lessons);
		quizzes = Map.copyOf(quizzes);
	}

}
