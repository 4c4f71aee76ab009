package org.safesteps.content;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.safesteps.content.ContentYaml.Required;

/**
 * Reads the translated files of one module ({@code module.es.yml}, {@code ages-11-13.es.md},
 * {@code ages-11-13.quiz.es.yml}, {@code ages-11-13.check.es.yml}, {@code teacher.es.md}), each
 * checked against its English original, which is read first.
 */
record TranslationReader(LoadContext context, PageReader pages) {

	private Problems problems() {
		return context.problems;
	}

	/** The English side of a module, as read: what its translations are checked against. */
	record English(String folderPath, Map<String, String> files, String moduleId, boolean sensitive,
			Map<Band, Lesson> lessons, Map<Band, Quiz> quizzes, TeacherNotes teacherNotes) {
	}

	/** A module's files in one other language, filled in as they are read. */
	static final class TranslationDraft {

		final Map<Band, Lesson> lessons = new EnumMap<>(Band.class);

		final Map<Band, Quiz> quizzes = new EnumMap<>(Band.class);

		String title;

		String summary;

		TeacherNotes teacherNotes;

		ModuleTranslation translation() {
			return new ModuleTranslation(title, summary, lessons, quizzes, teacherNotes);
		}

	}

	/** {@code module.<language>.yml}. */
	@JsonClassDescription("module translation")
	record ModuleTranslationFile(@Required String title, @Required String summary,
			@JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) implements Translations.Translated {
	}

	/** The translations by language, from the translated files by path. */
	Map<String, ModuleTranslation> read(Map<String, String> files, English english) {
		Map<String, TranslationDraft> drafts = new TreeMap<>();
		files.forEach((path, text) -> {
			Translations.Name name = Translations.name(path.substring(english.folderPath().length() + 1)).orElseThrow();
			// Module titles and teacher notes are for every band; every other file names its band.
			boolean teacher = name.english().equals("teacher.md");
			boolean banded = !teacher && !name.kind().equals(Translations.MODULE);
			Band band = banded ? context.bandOf(path, name.base()) : null;
			if (banded && band == null || !context.checkLanguage(path, name.language())) {
				return;
			}
			String englishPath = english.folderPath() + "/" + name.english();
			String englishText = english.files().get(englishPath);
			String language = name.language();
			switch (name.kind()) {
				case Translations.MODULE -> module(path, text, language, englishPath, englishText, drafts);
				case ".quiz.yml" -> quiz(path, text, language, band, englishPath, english, drafts);
				case ".check.yml" -> context.evidence.checkTranslation(path, text, english.moduleId(), band, language,
						englishPath, englishText, context.lintFor(language));
				default -> {
					if (teacher ? english.teacherNotes() == null : english.lessons().get(band) == null) {
						problems().error(path, 1, "translation of " + englishPath + ", which does not exist");
					}
					else if (teacher) {
						TeacherNotes notes = pages.translatedTeacherNotes(path, text, language, englishPath, englishText,
								english.teacherNotes());
						if (notes != null) {
							drafts.computeIfAbsent(language, key -> new TranslationDraft()).teacherNotes = notes;
						}
					}
					else {
						drafts.computeIfAbsent(language, key -> new TranslationDraft()).lessons.put(band, pages.translatedLesson(
								path, text, language, english.lessons().get(band), englishPath, englishText, english.sensitive()));
					}
				}
			}
		});
		Map<String, ModuleTranslation> read = new TreeMap<>();
		drafts.forEach((language, draft) -> read.put(language, draft.translation()));
		return read;
	}

	private void module(String path, String text, String language, String englishPath, String englishText,
			Map<String, TranslationDraft> drafts) {
		ContentYaml.read(path, text, ModuleTranslationFile.class, problems()).ifPresent(yml -> {
			TranslationDraft draft = drafts.computeIfAbsent(language, key -> new TranslationDraft());
			draft.title = yml.value().title();
			draft.summary = yml.value().summary();
			Translations.checkHash(path, yml, englishPath, englishText, problems());
			context.lintFor(language).checkText(path, () -> yml.line("title"), draft.title, problems());
			context.lintFor(language).checkText(path, () -> yml.line("summary"), draft.summary, problems());
		});
	}

	private void quiz(String path, String text, String language, Band band, String englishPath, English english,
			Map<String, TranslationDraft> drafts) {
		Quiz original = english.quizzes().get(band);
		if (original == null) {
			problems().error(path, 1, "translation of " + englishPath + ", which does not exist or does not load");
			return;
		}
		QuizReader.Read quiz = QuizReader.read(path, text, problems(), context.lintFor(language));
		if (quiz != null) {
			Translations.checkHash(path, quiz.file(), englishPath, english.files().get(englishPath), problems());
			Translations.checkQuiz(path, quiz, original, englishPath, problems());
			drafts.computeIfAbsent(language, key -> new TranslationDraft()).quizzes.put(band, quiz.quiz());
		}
	}

}
