package org.safesteps.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads one folder under {@code modules/}: module.yml, a lesson, quiz and confidence check per band
 * it lists, the teacher notes, then the translations of those files.
 */
final class ModuleReader {

	// These topics always need a help box and the "not your fault" message, whatever module.yml says.
	private static final Set<String> ALWAYS_SENSITIVE = Set.of("sextortion", "nude-images", "fake-images");

	private final LoadContext context;

	private final Problems problems;

	private final PageReader pages;

	private final TranslationReader translations;

	ModuleReader(LoadContext context, PageReader pages) {
		this.context = context;
		this.problems = context.problems;
		this.pages = pages;
		this.translations = new TranslationReader(context, pages);
	}

	/** A module's English files and its translations, before help boxes are filled in. */
	record ModuleDraft(String path, String id, int order, String topic, String title, String summary,
			List<Band> bands, List<String> objectives, int minutes, boolean sensitive, String guide, int guideLine,
			Map<Band, PageReader.LessonDraft> lessons, Map<Band, Quiz> quizzes, PageReader.TeacherDraft teacherNotes,
			Map<String, TranslationReader.TranslationDraft> translations) {
	}

	/** What module.yml says, checked; null fields are missing or invalid (and reported). */
	private record Settings(YamlFile.Mapping yml, String id, Integer order, String topic, String title, String summary,
			Integer minutes, boolean sensitive, List<String> objectives, String guide, Map<Band, Integer> bands) {
	}

	/** The files of one module folder by path; null when the module cannot be read (reported). */
	ModuleDraft read(String folder, Map<String, String> files) {
		String folderPath = ContentFiles.MODULES + folder;
		String ymlPath = folderPath + "/module.yml";
		String yml = files.get(ymlPath);
		if (yml == null) {
			problems.error(folderPath, 1, "module folder has no module.yml");
			return null;
		}
		Settings module = settings(folder, ymlPath, yml);
		if (module == null) {
			return null;
		}
		Map<Band, PageReader.LessonDraft> lessons = new EnumMap<>(Band.class);
		Map<Band, Quiz> quizzes = new EnumMap<>(Band.class);
		PageReader.TeacherDraft teacherNotes = null;
		Map<String, String> translationFiles = new TreeMap<>();
		for (Map.Entry<String, String> file : files.entrySet()) {
			String path = file.getKey();
			String name = path.substring(folderPath.length() + 1);
			if (name.equals("module.yml")) {
				continue;
			}
			if (TranslationReader.isTranslation(name)) {
				translationFiles.put(path, file.getValue());
			}
			else if (name.equals("teacher.md")) {
				teacherNotes = pages.teacherNotes(path, file.getValue());
			}
			else if (EvidenceReader.isCheck(name)) {
				Band band = listedBand(path, name, EvidenceReader.CHECK_SUFFIX, "confidence check", module.bands());
				if (band != null) {
					context.evidence.check(path, file.getValue(), module.id(), band, context.lint());
				}
			}
			else if (name.endsWith(".quiz.yml") && !name.contains("/")) {
				Band band = listedBand(path, name, ".quiz.yml", "quiz", module.bands());
				Quiz quiz = band == null ? null : QuizReader.read(path, file.getValue(), problems, context.lint());
				if (quiz != null) {
					quizzes.put(band, quiz);
				}
			}
			else if (name.endsWith(".md") && !name.contains("/")) {
				Band band = listedBand(path, name, ".md", "lesson", module.bands());
				if (band != null) {
					lessons.put(band, pages.lesson(path, file.getValue(), band, module.id(), module.sensitive()));
				}
			}
			else if (name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml")) {
				problems.warning(path, 1, "unexpected file, ignored");
			}
		}
		checkComplete(folderPath, ymlPath, files, module.bands(), teacherNotes);
		TranslationReader.English english = new TranslationReader.English(folderPath, files, module.id(),
				module.sensitive(), lessons, quizzes, teacherNotes);
		Map<String, TranslationReader.TranslationDraft> translated = translations.read(translationFiles, english);
		if (module.id() == null || module.order() == null || module.minutes() == null) {
			return null;
		}
		return new ModuleDraft(ymlPath, module.id(), module.order(), module.topic(), module.title(), module.summary(),
				List.copyOf(module.bands().keySet()), module.objectives(), module.minutes(), module.sensitive(),
				module.guide(), module.yml().lineOf("guide"), lessons, quizzes, teacherNotes, translated);
	}

	private Settings settings(String folder, String ymlPath, String text) {
		YamlFile.Mapping module = YamlFile.parse(ymlPath, text, problems).orElse(null);
		if (module == null) {
			return null;
		}
		String id = module.requiredText("id", "module.yml");
		if (id != null && !id.equals(folder)) {
			problems.error(ymlPath, module.lineOf("id"), "module id '" + id + "' does not match its folder '" + folder + "'");
		}
		if (id != null && !LoadContext.ID.matcher(id).matches()) {
			problems.error(ymlPath, module.lineOf("id"), "module id '" + id + "' should be lowercase letters, digits and dashes");
		}
		Integer order = module.integer("order", "module.yml");
		String topic = module.requiredText("topic", "module.yml");
		context.checkTopic(ymlPath, module.lineOf("topic"), topic);
		String title = module.requiredText("title", "module.yml");
		String summary = module.requiredText("summary", "module.yml");
		Integer minutes = module.integer("minutes", "module.yml");
		boolean sensitive = module.bool("sensitive", false) || id != null && ALWAYS_SENSITIVE.contains(id);
		List<String> objectives = module.texts("objectives").stream().map(YamlFile.Scalar::value).toList();
		String guide = module.text("guide");
		Map<Band, Integer> listed = new EnumMap<>(Band.class);
		for (YamlFile.Scalar band : module.texts("bands")) {
			Band.fromId(band.value()).ifPresentOrElse(known -> {
				if (listed.putIfAbsent(known, band.line()) != null) {
					problems.error(ymlPath, band.line(), "band " + known.id() + " is listed twice");
				}
			}, () -> problems.error(ymlPath, band.line(), "unknown band '" + band.value() + "' (" + Band.ids() + ")"));
		}
		if (!module.has("bands")) {
			problems.error(ymlPath, module.line(), "module.yml has no 'bands'");
		}
		Map<Band, List<String>> covers = context.evidence.covers(ymlPath, module, id, listed.keySet());
		if (id != null) {
			context.coverage.put(id, covers);
		}
		return new Settings(module, id, order, topic, title, summary, minutes, sensitive, objectives, guide, listed);
	}

	// The band a file is for ("ages-8-10.quiz.yml"), reported when module.yml does not list it.
	private Band listedBand(String path, String name, String suffix, String what, Map<Band, Integer> listed) {
		Band band = context.bandOf(path, name.substring(0, name.length() - suffix.length()));
		if (band != null && !listed.containsKey(band)) {
			problems.error(path, 1, what + " for band " + band.id() + ", which module.yml does not list");
		}
		return band;
	}

	private void checkComplete(String folderPath, String ymlPath, Map<String, String> files, Map<Band, Integer> listed,
			PageReader.TeacherDraft teacherNotes) {
		for (Map.Entry<Band, Integer> band : listed.entrySet()) {
			if (!files.containsKey(folderPath + "/" + band.getKey().id() + ".md")) {
				problems.error(ymlPath, band.getValue(), "band " + band.getKey().id() + " has no lesson: add "
						+ band.getKey().id() + ".md");
			}
			if (!files.containsKey(folderPath + "/" + band.getKey().id() + ".quiz.yml")) {
				problems.error(ymlPath, band.getValue(), "band " + band.getKey().id() + " has no quiz: add "
						+ band.getKey().id() + ".quiz.yml");
			}
		}
		if (teacherNotes == null) {
			problems.error(folderPath, 1, "module folder has no teacher.md (teacher notes)");
		}
	}

}
