package org.safesteps.content;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.safesteps.content.ContentYaml.Required;

/**
 * Reads one folder under {@code modules/}: module.yml, a lesson, quiz and confidence check per band
 * it lists, the teacher notes, then the translations of those files.
 */
record ModuleReader(LoadContext context, PageReader pages) {

	// These topics always need a help box and the "not your fault" message, whatever module.yml says.
	private static final Set<String> ALWAYS_SENSITIVE = Set.of("sextortion", "nude-images", "fake-images");

	private Problems problems() {
		return context.problems;
	}

	/** A module, with its module.yml and the line of its guide for the checks across files. */
	record ModuleDraft(String path, Module module, int guideLine) {
	}

	/** module.yml. */
	@JsonClassDescription("module.yml")
	record ModuleFile(@Required String id, @Required Integer order, @Required String topic, @Required String title,
			@Required String summary, @Required List<String> bands, List<String> objectives, @Required Integer minutes,
			boolean sensitive, String guide, List<EvidenceReader.Covers> covers) {
	}

	/** module.yml read and checked, with the line of each band it lists. */
	private record Settings(ContentYaml.Doc<ModuleFile> yml, ModuleFile file, boolean sensitive, Map<Band, Integer> bands) {
	}

	/** The files of one module folder by path; null when the module cannot be read (reported). */
	ModuleDraft read(String folder, Map<String, String> files) {
		String folderPath = ContentFiles.MODULES + folder;
		String ymlPath = folderPath + "/module.yml";
		String yml = files.get(ymlPath);
		if (yml == null) {
			problems().error(folderPath, 1, "module folder has no module.yml");
			return null;
		}
		Settings module = settings(folder, ymlPath, yml);
		if (module == null) {
			return null;
		}
		Map<Band, Lesson> lessons = new EnumMap<>(Band.class);
		Map<Band, Quiz> quizzes = new EnumMap<>(Band.class);
		TeacherNotes teacherNotes = null;
		Map<String, String> translationFiles = new TreeMap<>();
		SafeguardingLint lint = context.lintFor(Localized.ENGLISH);
		for (Map.Entry<String, String> file : files.entrySet()) {
			String path = file.getKey();
			String name = path.substring(folderPath.length() + 1);
			if (name.equals("module.yml")) {
				continue;
			}
			// A file in a subfolder is not a part of the module: reported below when it is Markdown or YAML.
			boolean direct = !name.contains("/");
			if (direct && Translations.name(name).isPresent()) {
				translationFiles.put(path, file.getValue());
			}
			else if (name.equals("teacher.md")) {
				teacherNotes = pages.teacherNotes(path, file.getValue());
			}
			else if (direct && name.endsWith(EvidenceReader.CHECK_SUFFIX)) {
				Band band = listedBand(path, name, EvidenceReader.CHECK_SUFFIX, "confidence check", module.bands());
				if (band != null) {
					context.evidence.check(path, file.getValue(), module.file().id(), band, lint);
				}
			}
			else if (direct && name.endsWith(".quiz.yml")) {
				Band band = listedBand(path, name, ".quiz.yml", "quiz", module.bands());
				QuizReader.Read quiz = band == null ? null : QuizReader.read(path, file.getValue(), problems(), lint);
				if (quiz != null) {
					quizzes.put(band, quiz.quiz());
				}
			}
			else if (direct && name.endsWith(".md")) {
				Band band = listedBand(path, name, ".md", "lesson", module.bands());
				if (band != null) {
					lessons.put(band, pages.lesson(path, file.getValue(), band, module.file().id(), module.sensitive()));
				}
			}
			else if (name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml")) {
				problems().warning(path, 1, "unexpected file, ignored");
			}
		}
		checkComplete(folderPath, ymlPath, files, module.bands(), teacherNotes);
		TranslationReader.English english = new TranslationReader.English(folderPath, files, module.file().id(),
				module.sensitive(), lessons, quizzes, teacherNotes);
		ModuleFile file = module.file();
		return new ModuleDraft(ymlPath, new Module(file.id(), file.order(), file.topic(), file.title(), file.summary(),
				List.copyOf(module.bands().keySet()), file.objectives(), file.minutes(), module.sensitive(), file.guide(),
				lessons, quizzes, teacherNotes, new TranslationReader(context, pages).read(translationFiles, english)),
				module.yml().line("guide"));
	}

	private Settings settings(String folder, String ymlPath, String text) {
		ContentYaml.Doc<ModuleFile> yml = ContentYaml.read(ymlPath, text, ModuleFile.class, problems()).orElse(null);
		if (yml == null) {
			return null;
		}
		ModuleFile module = yml.value();
		String id = module.id();
		if (!id.equals(folder)) {
			problems().error(ymlPath, yml.line("id"), "module id '" + id + "' does not match its folder '" + folder + "'");
		}
		LoadContext.checkId(problems(), ymlPath, yml.line("id"), "module", id);
		context.checkTopic(ymlPath, yml.line("topic"), module.topic());
		Map<Band, Integer> listed = new EnumMap<>(Band.class);
		for (int i = 0; i < module.bands().size(); i++) {
			int line = yml.line("bands", i);
			Band band = LoadContext.band(problems(), ymlPath, line, module.bands().get(i));
			if (band != null && listed.putIfAbsent(band, line) != null) {
				problems().error(ymlPath, line, "band " + band.id() + " is listed twice");
			}
		}
		context.coverage.put(id, context.evidence.covers(ymlPath, yml, listed.keySet()));
		return new Settings(yml, module, module.sensitive() || ALWAYS_SENSITIVE.contains(id), listed);
	}

	// The band a file is for ("ages-8-10.quiz.yml"), reported when module.yml does not list it.
	private Band listedBand(String path, String name, String suffix, String what, Map<Band, Integer> listed) {
		Band band = context.bandOf(path, name.substring(0, name.length() - suffix.length()));
		if (band != null && !listed.containsKey(band)) {
			problems().error(path, 1, what + " for band " + band.id() + ", which module.yml does not list");
		}
		return band;
	}

	private void checkComplete(String folderPath, String ymlPath, Map<String, String> files, Map<Band, Integer> listed,
			TeacherNotes teacherNotes) {
		listed.forEach((band, line) -> {
			for (String suffix : List.of(".md", ".quiz.yml")) {
				if (!files.containsKey(folderPath + "/" + band.id() + suffix)) {
					problems().error(ymlPath, line, "band " + band.id() + " has no " + (suffix.equals(".md") ? "lesson" : "quiz")
							+ ": add " + band.id() + suffix);
				}
			}
		});
		if (teacherNotes == null) {
			problems().error(folderPath, 1, "module folder has no teacher.md (teacher notes)");
		}
	}

}
