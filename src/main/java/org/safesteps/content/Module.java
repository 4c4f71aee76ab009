package org.safesteps.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A teaching module: one topic, a lesson and a quiz for each band it lists, and teacher notes.
 * {@code guideId} (the parent guidance page) may be null; {@code sensitive} modules need teachers
 * to confirm the notes before assigning. {@code translations} holds its text in other languages,
 * by language code ({@code es}); English is the module itself.
 */
public record Module(String id, int order, String topic, String title, String summary, List<Band> bands,
		List<String> objectives, int minutes, boolean sensitive, String guideId, Map<Band, Lesson> lessons,
		Map<Band, Quiz> quizzes, TeacherNotes teacherNotes, Map<String, ModuleTranslation> translations) {

	public Module {
		bands = List.copyOf(bands);
		objectives = List.copyOf(objectives);
		lessons = Map.copyOf(lessons);
		quizzes = Map.copyOf(quizzes);
		translations = Map.copyOf(translations);
	}

	public Optional<Lesson> lesson(Band band) {
		return Optional.ofNullable(lessons.get(band));
	}

	public Optional<Quiz> quiz(Band band) {
		return Optional.ofNullable(quizzes.get(band));
	}

	/** The lesson in {@code language} if translated, else the English one marked as a fallback. */
	public Optional<Localized<Lesson>> lesson(Band band, String language) {
		ModuleTranslation translation = translations.get(language);
		return lesson(band).map(english -> Localized.of(translation == null ? null : translation.lessons().get(band),
				english, language));
	}

	/** The quiz in {@code language} if translated (same question and option ids), else the English one. */
	public Optional<Localized<Quiz>> quiz(Band band, String language) {
		ModuleTranslation translation = translations.get(language);
		return quiz(band).map(english -> Localized.of(translation == null ? null : translation.quizzes().get(band),
				english, language));
	}

	public Localized<String> title(String language) {
		ModuleTranslation translation = translations.get(language);
		return Localized.of(translation == null ? null : translation.title(), title, language);
	}

	public Localized<String> summary(String language) {
		ModuleTranslation translation = translations.get(language);
		return Localized.of(translation == null ? null : translation.summary(), summary, language);
	}

	/** The teacher notes in {@code language} if translated (same sections as the English), else the English ones. */
	public Localized<TeacherNotes> teacherNotes(String language) {
		ModuleTranslation translation = translations.get(language);
		return Localized.of(translation == null ? null : translation.teacherNotes(), teacherNotes, language);
	}

	public boolean hasBand(Band band) {
		return bands.contains(band);
	}

}
