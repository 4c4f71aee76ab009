package org.safesteps.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Parses, checks and renders the whole content tree once into a {@link Curriculum}, collecting every
 * problem with its file and line. Stateless: one instance may load many times, from many threads.
 */
public final class CurriculumLoader {

	static final String LINT = "lint.yml";

	static final String HELP = "help/services.yml";

	static final String LABELS = "labels.yml";

	private static final String MODULES = "modules/";

	private static final String GUIDANCE = "guidance/";

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final Set<String> TOPICS = Set.of("relationships", "images", "privacy", "friends");

	// These topics always need a help box and the "not your fault" message, whatever module.yml says.
	private static final Set<String> ALWAYS_SENSITIVE = Set.of("sextortion", "nude-images", "fake-images");

	private static final Pattern NOT_YOUR_FAULT = Pattern.compile("not\\s+your\\s+fault",
			Pattern.CASE_INSENSITIVE);

	/** Loads everything; {@code today} decides which help services are overdue for a check. */
	public LoadResult load(ContentSource source, LocalDate today) {
		return new Run(source, today).load();
	}

	/** Loads and throws {@link InvalidContentException} on any error: for start-up. */
	public Curriculum loadOrThrow(ContentSource source, LocalDate today) {
		return load(source, today).orThrow();
	}

	private record LessonDraft(String path, Band band, String title, String summary,
			List<MarkdownFile.StepDraft> steps) {
	}

	private record TeacherDraft(String summary, String html) {
	}

	private record GuideDraft(String path, String id, String title, String summary, String topic,
			List<YamlFile.Scalar> modules, boolean urgent, String html, String language) {
	}

	private record ModuleDraft(String path, String id, int order, String topic, String title, String summary,
			List<Band> bands, List<String> objectives, int minutes, boolean sensitive, String guide, int guideLine,
			Map<Band, LessonDraft> lessons, Map<Band, Quiz> quizzes, TeacherDraft teacherNotes,
			Map<String, TranslationDraft> translations) {
	}

	/** A module's files in one other language, filled in as they are read. */
	private static final class TranslationDraft {

		private final String language;

		private final Map<Band, LessonDraft> lessons = new EnumMap<>(Band.class);

		private final Map<Band, Quiz> quizzes = new EnumMap<>(Band.class);

		private String title;

		private String summary;

		private TeacherDraft teacherNotes;

		TranslationDraft(String language) {
			this.language = language;
		}

	}

	/** The state of one load. */
	private static final class Run {

		private final ContentSource source;

		private final LocalDate today;

		private final Problems problems = new Problems();

		private final List<ReadabilityScore> readability = new ArrayList<>();

		private final List<MarkdownFile.LinkUse> links = new ArrayList<>();

		// Every phrase of lint.yml; lint holds the English ones, which English files are checked against.
		private SafeguardingLint allLint = SafeguardingLint.none();

		private SafeguardingLint lint = SafeguardingLint.none();

		private final List<String> notMeasured = new ArrayList<>();

		private Map<String, CalloutLabels> labels = Map.of(Localized.ENGLISH, CalloutLabels.ENGLISH);

		private final Set<String> reportedMissingLabels = new HashSet<>();

		private final EvidenceReader evidence = new EvidenceReader(problems);

		// module id to band to the framework statements its lesson covers
		private final Map<String, Map<Band, List<String>>> coverage = new TreeMap<>();

		Run(ContentSource source, LocalDate today) {
			this.source = source;
			this.today = today;
		}

		LoadResult load() {
			Map<String, String> files = new TreeMap<>();
			for (String path : source.paths()) {
				files.put(path, source.read(path));
			}
			String version = version(files);

			if (files.containsKey(LINT)) {
				allLint = SafeguardingLint.read(LINT, files.get(LINT), problems);
				lint = allLint.forLanguage(Localized.ENGLISH);
			}
			else {
				problems.error(LINT, 1, "missing: the safeguarding lint list is required");
			}
			SpanishLint.check(files, problems);
			if (files.containsKey(LABELS)) {
				labels = CalloutLabels.read(LABELS, files.get(LABELS), problems);
			}
			HelpDirectory help = null;
			if (files.containsKey(HELP)) {
				help = HelpDirectoryReader.read(HELP, files.get(HELP), today, problems);
			}
			else {
				problems.error(HELP, 1, "missing: the help directory is required");
			}

			Map<String, Map<String, String>> moduleFolders = new TreeMap<>();
			Map<String, GuideDraft> guides = new TreeMap<>();
			Map<String, String> guideTranslations = new TreeMap<>();
			for (Map.Entry<String, String> file : files.entrySet()) {
				String path = file.getKey();
				if (path.equals(LINT) || path.equals(HELP) || path.equals(LABELS) || path.equals(SpanishLint.GLOSSARY)) {
					continue;
				}
				if (EvidenceReader.isFramework(path)) {
					evidence.framework(path, file.getValue());
					continue;
				}
				if (path.startsWith(GUIDANCE) && Translations.markdown(path.substring(GUIDANCE.length())).isPresent()) {
					guideTranslations.put(path, file.getValue());
					continue;
				}
				if (path.startsWith(MODULES) && path.indexOf('/', MODULES.length()) > 0) {
					String folder = path.substring(MODULES.length(), path.indexOf('/', MODULES.length()));
					moduleFolders.computeIfAbsent(folder, key -> new TreeMap<>()).put(path, file.getValue());
				}
				else if (path.startsWith(GUIDANCE) && path.endsWith(".md")) {
					GuideDraft guide = guide(path, file.getValue());
					if (guide != null) {
						GuideDraft other = guides.putIfAbsent(guide.id(), guide);
						if (other != null) {
							problems.error(path, 1, "duplicate guidance page id '" + guide.id() + "' (also " + other.path() + ")");
						}
					}
				}
				else if (path.endsWith(".md") || path.endsWith(".yml") || path.endsWith(".yaml")) {
					problems.warning(path, 1, "unexpected file, ignored");
				}
			}

			Map<String, Map<String, GuideDraft>> translatedGuides = new TreeMap<>();
			for (Map.Entry<String, String> file : guideTranslations.entrySet()) {
				GuideDraft translation = guideTranslation(file.getKey(), file.getValue(), guides, files);
				if (translation != null) {
					translatedGuides.computeIfAbsent(translation.language(), key -> new TreeMap<>())
						.put(translation.id(), translation);
				}
			}

			Map<String, ModuleDraft> modules = new LinkedHashMap<>();
			for (Map.Entry<String, Map<String, String>> folder : moduleFolders.entrySet()) {
				ModuleDraft module = module(folder.getKey(), folder.getValue());
				if (module != null) {
					ModuleDraft other = modules.putIfAbsent(module.id(), module);
					if (other != null) {
						problems.error(module.path(), 1, "duplicate module id '" + module.id() + "' (also in " + other.path() + ")");
					}
				}
			}

			crossReferences(modules, guides);
			Evidence checkedEvidence = evidence.finish(coverage);
			List<String> missing = Translations.missing(files.keySet());
			if (problems.hasErrors() || help == null) {
				return new LoadResult(null, problems.sorted(), readability, notMeasured, missing);
			}
			return new LoadResult(curriculum(modules, guides, translatedGuides, help, version, checkedEvidence),
					problems.sorted(), readability, notMeasured, missing);
		}

		private GuideDraft guide(String path, String text) {
			String fileName = path.substring(path.lastIndexOf('/') + 1);
			String id = fileName.substring(0, fileName.length() - ".md".length());
			if (!ID.matcher(id).matches()) {
				problems.error(path, 1, "page id '" + id + "' should be lowercase letters, digits and dashes");
			}
			MarkdownFile file = MarkdownFile.parse(path, text, problems);
			FrontMatter frontMatter = file.frontMatter();
			String title = frontMatter.requiredText("title", "guidance page");
			String summary = frontMatter.requiredText("summary", "guidance page");
			String topic = frontMatter.text("topic");
			checkTopic(path, frontMatter.lineOf("topic"), topic);
			boolean urgent = frontMatter.bool("urgent", false);
			lint.checkMarkdown(path, text, file.document(), problems);
			links.addAll(file.links());
			return new GuideDraft(path, id, title, summary, topic, frontMatter.list("modules"), urgent, file.html(),
					Localized.ENGLISH);
		}

		/** {@code guidance/<id>.<language>.md}: title, summary and body translated; topic, modules and urgency from English. */
		private GuideDraft guideTranslation(String path, String text, Map<String, GuideDraft> guides,
				Map<String, String> files) {
			Translations.Name name = Translations.markdown(path.substring(GUIDANCE.length())).orElseThrow();
			String englishPath = GUIDANCE + name.base() + ".md";
			GuideDraft english = guides.get(name.base());
			if (english == null || !files.containsKey(englishPath)) {
				problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
				return null;
			}
			if (!checkLanguage(path, name.language())) {
				return null;
			}
			MarkdownFile file = MarkdownFile.parse(path, text, problems, labelsFor(path, name.language()));
			FrontMatter frontMatter = file.frontMatter();
			String title = frontMatter.requiredText("title", "guidance page");
			String summary = frontMatter.requiredText("summary", "guidance page");
			Translations.checkHash(path, frontMatter.lineOf(Translations.TRANSLATED_FROM),
					frontMatter.text(Translations.TRANSLATED_FROM), englishPath, files.get(englishPath), problems);
			lintFor(name.language()).checkMarkdown(path, text, file.document(), problems);
			links.addAll(file.links());
			return new GuideDraft(path, english.id(), title, summary, english.topic(), english.modules(), english.urgent(),
					file.html(), name.language());
		}

		// English is the plain file; a translation into English would shadow it.
		private boolean checkLanguage(String path, String language) {
			if (Localized.ENGLISH.equals(language)) {
				problems.error(path, 1, "English is the file without a language: remove '." + language + "' from the name");
				return false;
			}
			return true;
		}

		private CalloutLabels labelsFor(String path, String language) {
			CalloutLabels found = labels.get(language);
			if (found == null) {
				if (reportedMissingLabels.add(language)) {
					problems.warning(path, 1, "no callout labels for '" + language + "' in " + LABELS
							+ ": help boxes in this language are labelled in English");
				}
				return CalloutLabels.ENGLISH;
			}
			return found;
		}

		private SafeguardingLint lintFor(String language) {
			return allLint.forLanguage(language);
		}

		private ModuleDraft module(String folder, Map<String, String> files) {
			String folderPath = MODULES + folder;
			String ymlPath = folderPath + "/module.yml";
			String yml = files.get(ymlPath);
			if (yml == null) {
				problems.error(folderPath, 1, "module folder has no module.yml");
				return null;
			}
			YamlFile.Mapping module = YamlFile.parse(ymlPath, yml, problems).orElse(null);
			if (module == null) {
				return null;
			}
			String id = module.requiredText("id", "module.yml");
			if (id != null && !id.equals(folder)) {
				problems.error(ymlPath, module.lineOf("id"), "module id '" + id + "' does not match its folder '" + folder + "'");
			}
			if (id != null && !ID.matcher(id).matches()) {
				problems.error(ymlPath, module.lineOf("id"), "module id '" + id + "' should be lowercase letters, digits and dashes");
			}
			Integer order = module.integer("order", "module.yml");
			String topic = module.requiredText("topic", "module.yml");
			checkTopic(ymlPath, module.lineOf("topic"), topic);
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
			Map<Band, List<String>> covers = evidence.covers(ymlPath, module, id, listed.keySet());
			if (id != null) {
				coverage.put(id, covers);
			}

			Map<Band, LessonDraft> lessons = new EnumMap<>(Band.class);
			Map<Band, Quiz> quizzes = new EnumMap<>(Band.class);
			TeacherDraft teacherNotes = null;
			Map<String, String> translationFiles = new TreeMap<>();
			for (Map.Entry<String, String> file : files.entrySet()) {
				String path = file.getKey();
				String name = path.substring(folderPath.length() + 1);
				if (name.equals("module.yml")) {
					continue;
				}
				if (!name.contains("/") && (Translations.module(name).isPresent() || Translations.quiz(name).isPresent()
						|| Translations.check(name).isPresent() || Translations.markdown(name).isPresent())) {
					translationFiles.put(path, file.getValue());
				}
				else if (name.equals("teacher.md")) {
					teacherNotes = teacherNotes(path, file.getValue());
				}
				else if (EvidenceReader.isCheck(name)) {
					Band band = bandOf(path, name.substring(0, name.length() - EvidenceReader.CHECK_SUFFIX.length()));
					if (band != null) {
						if (!listed.containsKey(band)) {
							problems.error(path, 1, "confidence check for band " + band.id() + ", which module.yml does not list");
						}
						evidence.check(path, file.getValue(), id, band, lint);
					}
				}
				else if (name.endsWith(".quiz.yml") && !name.contains("/")) {
					Band band = bandOf(path, name.substring(0, name.length() - ".quiz.yml".length()));
					if (band != null) {
						if (!listed.containsKey(band)) {
							problems.error(path, 1, "quiz for band " + band.id() + ", which module.yml does not list");
						}
						Quiz quiz = QuizReader.read(path, file.getValue(), problems, lint);
						if (quiz != null) {
							quizzes.put(band, quiz);
						}
					}
				}
				else if (name.endsWith(".md") && !name.contains("/")) {
					Band band = bandOf(path, name.substring(0, name.length() - ".md".length()));
					if (band != null) {
						if (!listed.containsKey(band)) {
							problems.error(path, 1, "lesson for band " + band.id() + ", which module.yml does not list");
						}
						lessons.put(band, lesson(path, file.getValue(), band, id, sensitive));
					}
				}
				else if (name.endsWith(".md") || name.endsWith(".yml") || name.endsWith(".yaml")) {
					problems.warning(path, 1, "unexpected file, ignored");
				}
			}
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
			Map<String, TranslationDraft> translations = new TreeMap<>();
			for (Map.Entry<String, String> file : translationFiles.entrySet()) {
				translation(folderPath, file.getKey(), file.getValue(), files, id, sensitive, lessons, quizzes, teacherNotes,
						translations);
			}
			if (id == null || order == null || minutes == null) {
				return null;
			}
			return new ModuleDraft(ymlPath, id, order, topic, title, summary, List.copyOf(listed.keySet()), objectives,
					minutes, sensitive, guide, module.lineOf("guide"), lessons, quizzes, teacherNotes, translations);
		}

		/** One translated file of a module, checked against its English original. */
		private void translation(String folderPath, String path, String text, Map<String, String> files, String moduleId,
				boolean sensitive, Map<Band, LessonDraft> lessons, Map<Band, Quiz> quizzes, TeacherDraft teacherNotes,
				Map<String, TranslationDraft> translations) {
			String name = path.substring(folderPath.length() + 1);
			var moduleLanguage = Translations.module(name);
			if (moduleLanguage.isPresent()) {
				String language = moduleLanguage.get();
				if (!checkLanguage(path, language)) {
					return;
				}
				String englishPath = folderPath + "/module.yml";
				YamlFile.parse(path, text, problems).ifPresent(yml -> {
					TranslationDraft draft = translations.computeIfAbsent(language, TranslationDraft::new);
					draft.title = yml.requiredText("title", "module translation");
					draft.summary = yml.requiredText("summary", "module translation");
					Translations.checkHash(path, yml.lineOf(Translations.TRANSLATED_FROM),
							yml.text(Translations.TRANSLATED_FROM), englishPath, files.get(englishPath), problems);
					lintFor(language).checkText(path, yml.lineOf("title"), draft.title, problems);
					lintFor(language).checkText(path, yml.lineOf("summary"), draft.summary, problems);
				});
				return;
			}
			var quizName = Translations.quiz(name);
			if (quizName.isPresent()) {
				String language = quizName.get().language();
				Band band = bandOf(path, quizName.get().base());
				if (band == null || !checkLanguage(path, language)) {
					return;
				}
				String englishPath = folderPath + "/" + band.id() + ".quiz.yml";
				Quiz english = quizzes.get(band);
				if (english == null) {
					problems.error(path, 1, "translation of " + englishPath + ", which does not exist or does not load");
					return;
				}
				Quiz quiz = QuizReader.read(path, text, problems, lintFor(language));
				if (quiz == null) {
					return;
				}
				Translations.Recorded recorded = Translations.yamlHash(path, text);
				Translations.checkHash(path, recorded.line(), recorded.hash(), englishPath, files.get(englishPath), problems);
				Translations.checkQuiz(path, text, quiz, english, englishPath, problems);
				translations.computeIfAbsent(language, TranslationDraft::new).quizzes.put(band, quiz);
				return;
			}
			var checkName = Translations.check(name);
			if (checkName.isPresent()) {
				String language = checkName.get().language();
				Band band = bandOf(path, checkName.get().base());
				if (band == null || !checkLanguage(path, language)) {
					return;
				}
				String englishPath = folderPath + "/" + band.id() + EvidenceReader.CHECK_SUFFIX;
				evidence.checkTranslation(path, text, moduleId, band, language, englishPath, files.get(englishPath),
						lintFor(language));
				return;
			}
			Translations.Name lessonName = Translations.markdown(name).orElseThrow();
			if (lessonName.base().equals("teacher")) {
				if (checkLanguage(path, lessonName.language())) {
					teacherTranslation(path, text, lessonName.language(), folderPath + "/teacher.md", files, teacherNotes,
							translations);
				}
				return;
			}
			String language = lessonName.language();
			Band band = bandOf(path, lessonName.base());
			if (band == null || !checkLanguage(path, language)) {
				return;
			}
			String englishPath = folderPath + "/" + band.id() + ".md";
			LessonDraft english = lessons.get(band);
			if (english == null) {
				problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
				return;
			}
			MarkdownFile file = MarkdownFile.parse(path, text, problems, labelsFor(path, language));
			FrontMatter frontMatter = file.frontMatter();
			String title = frontMatter.requiredText("title", "lesson");
			String summary = frontMatter.requiredText("summary", "lesson");
			Translations.checkHash(path, frontMatter.lineOf(Translations.TRANSLATED_FROM),
					frontMatter.text(Translations.TRANSLATED_FROM), englishPath, files.get(englishPath), problems);
			List<MarkdownFile.StepDraft> steps = file.steps(problems);
			Translations.checkSteps(path, english.steps(), steps, englishPath, problems);
			lintFor(language).checkMarkdown(path, text, file.document(), problems);
			if (sensitive) {
				if (!file.hasHelpBox()) {
					problems.error(path, 1, "lesson of a sensitive module has no :::help box");
				}
				if (Boolean.FALSE.equals(Translations.saysNotYourFault(language, text))) {
					problems.error(path, 1, "lesson of a sensitive module does not say it is not the child's fault"
							+ " (for example \"no es tu culpa\")");
				}
			}
			links.addAll(file.links());
			// Flesch-Kincaid counts English syllables: its grade means nothing for other languages.
			notMeasured.add(path);
			translations.computeIfAbsent(language, TranslationDraft::new).lessons
				.put(band, new LessonDraft(path, band, title, summary, steps));
		}

		/** {@code teacher.<language>.md}: summary and notes translated, the English headings kept. */
		private void teacherTranslation(String path, String text, String language, String englishPath,
				Map<String, String> files, TeacherDraft english, Map<String, TranslationDraft> translations) {
			if (english == null) {
				problems.error(path, 1, "translation of " + englishPath + ", which does not exist");
				return;
			}
			MarkdownFile file = MarkdownFile.parse(path, text, problems, labelsFor(path, language));
			FrontMatter frontMatter = file.frontMatter();
			String summary = frontMatter.requiredText("summary", "teacher notes");
			Translations.checkHash(path, frontMatter.lineOf(Translations.TRANSLATED_FROM),
					frontMatter.text(Translations.TRANSLATED_FROM), englishPath, files.get(englishPath), problems);
			String html = Translations.teacherNotes(path, file, file.html(), english.html(), englishPath, problems);
			lintFor(language).checkMarkdown(path, text, file.document(), problems);
			links.addAll(file.links());
			if (html != null) {
				translations.computeIfAbsent(language, TranslationDraft::new).teacherNotes = new TeacherDraft(summary, html);
			}
		}

		private Band bandOf(String path, String bandId) {
			Band band = Band.fromId(bandId).orElse(null);
			if (band == null) {
				problems.error(path, 1, "unknown band '" + bandId + "' in the file name (" + Band.ids() + ")");
			}
			return band;
		}

		private LessonDraft lesson(String path, String text, Band band, String moduleId, boolean sensitive) {
			MarkdownFile file = MarkdownFile.parse(path, text, problems);
			String title = file.frontMatter().requiredText("title", "lesson");
			String summary = file.frontMatter().requiredText("summary", "lesson");
			List<MarkdownFile.StepDraft> steps = file.steps(problems);
			if (steps.isEmpty()) {
				problems.error(path, 1, "lesson has no steps: start each step with a ## heading");
			}
			Set<String> stepIds = new HashSet<>();
			for (MarkdownFile.StepDraft step : steps) {
				if (!stepIds.add(step.id())) {
					problems.error(path, step.line(), "duplicate step id '" + step.id() + "'");
				}
			}
			lint.checkMarkdown(path, text, file.document(), problems);
			if (sensitive) {
				if (!file.hasHelpBox()) {
					problems.error(path, 1, "lesson of a sensitive module has no :::help box");
				}
				if (!NOT_YOUR_FAULT.matcher(text).find()) {
					problems.error(path, 1, "lesson of a sensitive module does not say \"not your fault\"");
				}
			}
			links.addAll(file.links());
			double grade = Readability.fleschKincaidGrade(file.plainText());
			ReadabilityScore score = new ReadabilityScore(path, band, moduleId, grade, band.readingCeiling());
			readability.add(score);
			if (score.aboveCeiling()) {
				problems.warning(path, 1, String.format(Locale.ROOT, "reading grade %.1f is above the %s ceiling of %.1f",
						grade, band.id(), band.readingCeiling()));
			}
			return new LessonDraft(path, band, title, summary, steps);
		}

		private TeacherDraft teacherNotes(String path, String text) {
			MarkdownFile file = MarkdownFile.parse(path, text, problems);
			String summary = file.frontMatter().requiredText("summary", "teacher notes");
			links.addAll(file.links());
			return new TeacherDraft(summary, file.html());
		}

		private void checkTopic(String path, int line, String topic) {
			if (topic != null && !TOPICS.contains(topic)) {
				problems.warning(path, line, "unknown topic '" + topic + "' (relationships, images, privacy or friends)");
			}
		}

		private void crossReferences(Map<String, ModuleDraft> modules, Map<String, GuideDraft> guides) {
			for (ModuleDraft module : modules.values()) {
				if (module.guide() != null && !guides.containsKey(module.guide())) {
					problems.error(module.path(), module.guideLine(), "guide '" + module.guide()
							+ "' not found: there is no guidance/" + module.guide() + ".md");
				}
			}
			for (GuideDraft guide : guides.values()) {
				for (YamlFile.Scalar module : guide.modules()) {
					if (!modules.containsKey(module.value())) {
						problems.error(guide.path(), module.line(), "unknown module '" + module.value() + "' in modules");
					}
				}
			}
			for (MarkdownFile.LinkUse link : links) {
				checkLink(link, modules.keySet(), guides.keySet());
			}
		}

		private void checkLink(MarkdownFile.LinkUse link, Set<String> modules, Set<String> guides) {
			String url = link.url();
			if (link.image() && Markdown.isExternal(url)) {
				problems.error(link.path(), link.line(),
						"picture from another site (" + url + "): store pictures with the content, pages make no third-party requests");
			}
			String moduleId = idAfter(url, "/learn/");
			if (moduleId != null && !modules.contains(moduleId)) {
				problems.error(link.path(), link.line(), "broken link " + url + ": there is no module '" + moduleId + "'");
			}
			String guideId = idAfter(url, "/parents/");
			if (guideId != null && !guides.contains(guideId)) {
				problems.error(link.path(), link.line(), "broken link " + url + ": there is no guidance page '" + guideId + "'");
			}
		}

		// "/learn/sextortion/quiz?x#y" after "/learn/" is "sextortion".
		private static String idAfter(String url, String prefix) {
			if (!url.startsWith(prefix)) {
				return null;
			}
			String rest = url.substring(prefix.length());
			int end = rest.length();
			for (char stop : new char[] { '/', '?', '#' }) {
				int at = rest.indexOf(stop);
				if (at >= 0) {
					end = Math.min(end, at);
				}
			}
			String id = rest.substring(0, end);
			return id.isEmpty() ? null : id;
		}

		private Curriculum curriculum(Map<String, ModuleDraft> drafts, Map<String, GuideDraft> guideDrafts,
				Map<String, Map<String, GuideDraft>> translatedGuideDrafts, HelpDirectory help, String version,
				Evidence evidence) {
			HelpBoxes helpBoxes = new HelpBoxes(help);
			List<Module> modules = new ArrayList<>();
			for (ModuleDraft draft : drafts.values()) {
				Map<Band, Lesson> lessons = lessons(draft.lessons(), helpBoxes, CalloutLabels.ENGLISH);
				Map<String, ModuleTranslation> translations = new HashMap<>();
				for (TranslationDraft translation : draft.translations().values()) {
					CalloutLabels language = labels.getOrDefault(translation.language, CalloutLabels.ENGLISH);
					TeacherNotes notes = translation.teacherNotes == null ? null
							: new TeacherNotes(translation.teacherNotes.summary(),
									helpBoxes.render(translation.teacherNotes.html(), Audience.PARENT, language));
					translations.put(translation.language, new ModuleTranslation(translation.title, translation.summary,
							lessons(translation.lessons, helpBoxes, language), translation.quizzes, notes));
				}
				// Teachers are adults: their notes show the services listed for parents.
				TeacherNotes notes = new TeacherNotes(draft.teacherNotes().summary(),
						helpBoxes.render(draft.teacherNotes().html(), Audience.PARENT));
				modules.add(new Module(draft.id(), draft.order(), draft.topic(), draft.title(), draft.summary(),
						draft.bands(), draft.objectives(), draft.minutes(), draft.sensitive(), draft.guide(), lessons,
						draft.quizzes(), notes, translations));
			}
			Map<String, GuidePage> guides = new HashMap<>();
			for (GuideDraft draft : guideDrafts.values()) {
				guides.put(draft.id(), guidePage(draft, helpBoxes));
			}
			Map<String, Map<String, GuidePage>> translatedGuides = new HashMap<>();
			translatedGuideDrafts.forEach((language, pages) -> pages.values()
				.forEach(draft -> translatedGuides.computeIfAbsent(language, key -> new HashMap<>())
					.put(draft.id(), guidePage(draft, helpBoxes))));
			return new Curriculum(modules, guides, help, version, translatedGuides, evidence);
		}

		private GuidePage guidePage(GuideDraft draft, HelpBoxes helpBoxes) {
			CalloutLabels language = labels.getOrDefault(draft.language(), CalloutLabels.ENGLISH);
			return new GuidePage(draft.id(), draft.title(), draft.summary(), draft.topic(),
					draft.modules().stream().map(YamlFile.Scalar::value).toList(), draft.urgent(),
					helpBoxes.render(draft.html(), Audience.PARENT, language));
		}

		private static Map<Band, Lesson> lessons(Map<Band, LessonDraft> drafts, HelpBoxes helpBoxes,
				CalloutLabels language) {
			Map<Band, Lesson> lessons = new EnumMap<>(Band.class);
			for (LessonDraft lesson : drafts.values()) {
				List<Step> steps = lesson.steps().stream()
					.map(step -> new Step(step.id(), step.title(), helpBoxes.render(step.html(), Audience.CHILD, language)))
					.toList();
				lessons.put(lesson.band(), new Lesson(lesson.band(), lesson.title(), lesson.summary(), steps));
			}
			return lessons;
		}

		private static String version(Map<String, String> files) {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				for (Map.Entry<String, String> file : files.entrySet()) {
					digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
					digest.update(file.getValue().getBytes(StandardCharsets.UTF_8));
					digest.update((byte) 0);
				}
				return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("every Java runtime has SHA-256", ex);
			}
		}

	}

}
