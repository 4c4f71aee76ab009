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
final class TranslationReader {

	private final LoadContext context;

	private final Problems problems;

	private final PageReader pages;

	TranslationReader(LoadContext context, PageReader pages) {
		this.context = context;
		this.problems = context.problems;
		this.pages = pages;
	}

	/** The English side of a module, as read: what its translations are checked against. */
	record English(String folderPath, Map<String, String> files, String moduleId, boolean sensitive,
			Map<Band, Lesson> lessons, Map<Band, Quiz> quizzes, TeacherNotes teacherNotes) {

		String path(String name) {
			return folderPath + "/" + name;
		}

		String text(String name) {
			return files.get(path(name));
		}

	}

	/** A module's files in one other language, filled in as they are read. */
	static final class TranslationDraft {

		final String language;

		final Map<Band, Lesson> lessons = new EnumMap<>(Band.class);

		final Map<Band, Quiz> quizzes = new EnumMap<>(Band.class);

		String title;

		String summary;

		TeacherNotes teacherNotes;

		TranslationDraft(String language) {
			this.language = language;
		}

		ModuleTranslation translation() {
			return new ModuleTranslation(title, summary, lessons, quizzes, teacherNotes);
		}

	}

	/** Whether a file name in a module folder is a translation. */
	static boolean isTranslation(String name) {
		return !name.contains("/") && (Translations.module(name).isPresent() || Translations.quiz(name).isPresent()
				|| Translations.check(name).isPresent() || Translations.markdown(name).isPresent());
	}

	/** The translations by language, from the translated files by path. */
	Map<String, ModuleTranslation> read(Map<String, String> files, English english) {
		Map<String, TranslationDraft> translations = new TreeMap<>();
		for (Map.Entry<String, String> file : files.entrySet()) {
			String path = file.getKey();
			String name = path.substring(english.folderPath().length() + 1);
			var moduleLanguage = Translations.module(name);
			var quiz = Translations.quiz(name);
			var check = Translations.check(name);
			if (moduleLanguage.isPresent()) {
				if (context.checkLanguage(path, moduleLanguage.get())) {
					module(path, file.getValue(), moduleLanguage.get(), english, translations);
				}
			}
			else if (quiz.isPresent()) {
				quiz(path, file.getValue(), quiz.get(), english, translations);
			}
			else if (check.isPresent()) {
				check(path, file.getValue(), check.get(), english);
			}
			else {
				markdown(path, file.getValue(), Translations.markdown(name).orElseThrow(), english, translations);
			}
		}
		Map<String, ModuleTranslation> read = new TreeMap<>();
		translations.forEach((language, draft) -> read.put(language, draft.translation()));
		return read;
	}

	/** {@code module.<language>.yml}. */
	@JsonClassDescription("module translation")
	record ModuleTranslationFile(@Required String title, @Required String summary,
			@JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom) implements Translations.Translated {
	}

	private void module(String path, String text, String language, English english,
			Map<String, TranslationDraft> translations) {
		String englishPath = english.path("module.yml");
		ContentYaml.read(path, text, ModuleTranslationFile.class, problems).ifPresent(yml -> {
			TranslationDraft draft = translations.computeIfAbsent(language, TranslationDraft::new);
			draft.title = yml.value().title();
			draft.summary = yml.value().summary();
			Translations.checkHash(path, yml, englishPath, english.files().get(englishPath), problems);
			context.lintFor(language).checkText(path, () -> yml.line("title"), draft.title, problems);
			context.lintFor(language).checkText(path, () -> yml.line("summary"), draft.summary, problems);
		});
	}

	private void quiz(String path, String text, Translations.Name name, English english,
			Map<String, TranslationDraft> translations) {
		Band band = context.bandOf(path, name.base());
		if (band == null || !context.checkLanguage(path, name.language())) {
			return;
		}
		String englishPath = english.path(band.id() + ".quiz.yml");
		Quiz original = english.quizzes().get(band);
		if (original == null) {
			problems.error(path, 1, "translation of " + englishPath + ", which does not exist or does not load");
			return;
		}
		QuizReader.Read quiz = QuizReader.read(path, text, problems, context.lintFor(name.language()));
		if (quiz == null) {
			return;
		}
		Translations.checkHash(path, quiz.file(), englishPath, english.files().get(englishPath), problems);
		Translations.checkQuiz(path, quiz, original, englishPath, problems);
		translations.computeIfAbsent(name.language(), TranslationDraft::new).quizzes.put(band, quiz.quiz());
	}

	private void check(String path, String text, Translations.Name name, English english) {
		Band band = context.bandOf(path, name.base());
		if (band == null || !context.checkLanguage(path, name.language())) {
			return;
		}
		String englishPath = english.path(band.id() + EvidenceReader.CHECK_SUFFIX);
		context.evidence.checkTranslation(path, text, english.moduleId(), band, name.language(), englishPath,
				english.files().get(englishPath), context.lintFor(name.language()));
	}

	// A translated lesson (<band>.<language>.md) or teacher notes (teacher.<language>.md).
	private void markdown(String path, String text, Translations.Name name, English english,
			Map<String, TranslationDraft> translations) {
		String language = name.language();
		if (name.base().equals("teacher")) {
			if (!context.checkLanguage(path, language)) {
				return;
			}
			String englishPath = english.path("teacher.md");
			if (english.teacherNotes() == null) {
				problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
				return;
			}
			TeacherNotes notes = pages.translatedTeacherNotes(path, text, language, englishPath,
					english.files().get(englishPath), english.teacherNotes());
			if (notes != null) {
				translations.computeIfAbsent(language, TranslationDraft::new).teacherNotes = notes;
			}
			return;
		}
		Band band = context.bandOf(path, name.base());
		if (band == null || !context.checkLanguage(path, language)) {
			return;
		}
		String englishPath = english.path(band.id() + ".md");
		Lesson original = english.lessons().get(band);
		if (original == null) {
			problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
			return;
		}
		Lesson lesson = pages.translatedLesson(path, text, language, original, englishPath,
				english.files().get(englishPath), english.sensitive());
		translations.computeIfAbsent(language, TranslationDraft::new).lessons.put(band, lesson);
	}

}
