package org.safesteps.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A teaching module: one topic, a lesson and a quiz for each band it lists, and teacher notes.
 * {@code guideId} (the parent guidance page) may be null; {@code sensitive} modules need teachers
 * to confirm the notes before assigning.
 */
public record Module(String id, int order, String topic, String title, String summary, List<Band> bands,
		List<String> objectives, int minutes, boolean sensitive, String guideId, Map<Band, Lesson> lessons,
		Map<Band, Quiz> quizzes, TeacherNotes teacherNotes) {

	public Module {
		bands = List.copyOf(bands);
		objectives = List.copyOf(objectives);
		lessons = Map.copyOf(lessons);
		quizzes = Map.copyOf(quizzes);
	}

	public Optional<Lesson> lesson(Band band) {
		return Optional.ofNullable(lessons.get(band));
	}

	public Optional<Quiz> quiz(Band band) {
		return Optional.ofNullable(quizzes.get(band));
	}

	public boolean hasBand(Band band) {
		return bands.contains(band);
	}

}
