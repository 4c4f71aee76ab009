package org.safesteps.content;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses, checks and renders the whole content tree once into a {@link Curriculum}, collecting every
 * problem with its file and line. The steps: read the files ({@link ContentFiles}), the settings
 * (lint, the Spanish glossary and lint over every Spanish file, callout labels, help directory),
 * frameworks, guidance pages and module folders, each page rendered with its help boxes filled in
 * ({@link PageReader}, {@link ModuleReader}, {@link TranslationReader}), then the checks across
 * files ({@link CrossReferences}) and, when nothing is wrong, the curriculum.
 * Stateless: one instance may load many times, from many threads.
 */
public final class CurriculumLoader {

	/** Loads everything; {@code today} decides which help services are overdue for a check. */
	public LoadResult load(ContentSource source, LocalDate today) {
		LoadContext context = new LoadContext();
		Problems problems = context.problems;
		ContentFiles files = ContentFiles.read(source, problems);
		HelpDirectory help = settings(files, today, context);
		files.frameworks().forEach(context.evidence::framework);

		PageReader pages = new PageReader(context);
		Map<String, PageReader.GuideDraft> guides = new TreeMap<>();
		files.guides().forEach((path, text) -> {
			PageReader.GuideDraft guide = pages.guide(path, text);
			PageReader.GuideDraft other = guides.putIfAbsent(guide.page().id(), guide);
			if (other != null) {
				problems.error(path, 1, "duplicate guidance page id '" + guide.page().id() + "' (also " + other.path() + ")");
			}
		});
		Map<String, Map<String, GuidePage>> translatedGuides = new TreeMap<>();
		files.guideTranslations().forEach((path, text) -> pages.guideTranslation(path, text, guides, files, translatedGuides));

		ModuleReader reader = new ModuleReader(context, pages);
		Map<String, ModuleReader.ModuleDraft> modules = new LinkedHashMap<>();
		files.moduleFolders().forEach((folder, folderFiles) -> {
			ModuleReader.ModuleDraft module = reader.read(folder, folderFiles);
			ModuleReader.ModuleDraft other = module == null ? null : modules.putIfAbsent(module.module().id(), module);
			if (other != null) {
				problems.error(module.path(), 1, "duplicate module id '" + module.module().id() + "' (also in " + other.path() + ")");
			}
		});

		CrossReferences.check(modules, guides, context.links, problems);
		Evidence evidence = context.evidence.finish(context.coverage);
		List<String> missing = Translations.missing(files.all().keySet());
		Curriculum curriculum = null;
		if (!problems.hasErrors() && help != null) {
			Map<String, GuidePage> guidePages = new TreeMap<>();
			guides.forEach((id, guide) -> guidePages.put(id, guide.page()));
			curriculum = new Curriculum(modules.values().stream().map(ModuleReader.ModuleDraft::module).toList(), guidePages,
					help, files.version(), translatedGuides, evidence);
		}
		return new LoadResult(curriculum, problems.sorted(), context.readability, context.notMeasured, missing);
	}

	// lint.yml and the help directory are required; labels.yml is optional (English labels only).
	private static HelpDirectory settings(ContentFiles files, LocalDate today, LoadContext context) {
		Problems problems = context.problems;
		if (files.has(ContentFiles.LINT)) {
			context.useLint(SafeguardingLint.read(ContentFiles.LINT, files.text(ContentFiles.LINT), problems));
		}
		else {
			problems.error(ContentFiles.LINT, 1, "missing: the safeguarding lint list is required");
		}
		SpanishLint.check(files.all(), problems);
		if (files.has(ContentFiles.LABELS)) {
			context.useLabels(CalloutLabels.read(ContentFiles.LABELS, files.text(ContentFiles.LABELS), problems));
		}
		if (files.has(ContentFiles.HELP)) {
			HelpDirectory help = HelpDirectoryReader.read(ContentFiles.HELP, files.text(ContentFiles.HELP), today, problems);
			context.useHelp(help);
			return help;
		}
		problems.error(ContentFiles.HELP, 1, "missing: the help directory is required");
		return null;
	}

}
