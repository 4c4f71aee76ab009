package org.safesteps.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
		return lesson(band).map(english -> localized(language, translation -> translation.lessons().get(band), english));
	}

	/** The quiz in {@code language} if translated (same question and option ids), else the English one. */
	public Optional<Localized<Quiz>> quiz(Band band, String language) {
		return quiz(band).map(english -> localized(language, translation -> translation.quizzes().get(band), english));
	}

	public Localized<String> title(String language) {
		return localized(language, ModuleTranslation::title, title);
	}

	public Localized<String> summary(String language) {
		return localized(language, ModuleTranslation::summary, summary);
	}

	/** The teacher notes in {@code language} if translated (same sections as the English), else the English ones. */
	public Localized<TeacherNotes> teacherNotes(String language) {
		return localized(language, ModuleTranslation::teacherNotes, teacherNotes);
	}

	// A part of the module in a language: the translated part where there is one, else the English marked as a fallback.
	private <T> Localized<T> localized(String language, Function<ModuleTranslation, T> part, T english) {
		ModuleTranslation translation = translations.get(language);
		return Localized.of(translation == null ? null : part.apply(translation), english, language);
	}

	public boolean hasBand(Band band) {
		return bands.contains(band);
	}

}
