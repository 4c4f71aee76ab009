package org.safesteps.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.safesteps.content.ContentYaml.Required;

/**
 * Reads the evidence parts of one load: framework files, the {@code covers} lists of module.yml
 * and the {@code <band>.check.yml} confidence checks. References are checked once every file is
 * read, so an unknown statement id is reported at the module.yml line that names it.
 */
final class EvidenceReader {

	static final String CHECK_SUFFIX = ".check.yml";

	private static final int MIN_CHECK_STATEMENTS = 2;

	private static final int MAX_CHECK_STATEMENTS = 4;

	private final Problems problems;

	private final List<Framework> frameworks = new ArrayList<>();

	private final Map<String, String> statementPaths = new HashMap<>();

	private final List<Reference> references = new ArrayList<>();

	private final Map<String, Map<Band, ConfidenceCheck>> checks = new TreeMap<>();

	// language to module id to band
	private final Map<String, Map<String, Map<Band, ConfidenceCheck>>> translatedChecks = new TreeMap<>();

	// A framework file that could not be read (reported): references to its statements are not checked.
	private boolean unreadFramework;

	/** A statement id named in a module.yml, with where it was named. */
	private record Reference(String path, int line, String statementId, String moduleId, Band band) {
	}

	EvidenceReader(Problems problems) {
		this.problems = problems;
	}

	/** {@code frameworks/<id>.yml}. */
	@JsonClassDescription("framework")
	record FrameworkFile(@Required String id, @Required String name, @Required String edition, @Required String publisher,
			@Required String source, @Required LocalDate checked, @Required Framework.Wording wording,
			@Required List<StatementEntry> statements) {
	}

	@JsonClassDescription("statement")
	record StatementEntry(@Required String id, @Required String strand, @Required String ages, @Required List<String> bands,
			@Required String text, @Required String source) {
	}

	/** An item of module.yml's {@code covers}. */
	@JsonClassDescription("covers item")
	record Covers(@Required String band, List<String> statements) {
	}

	/** {@code <band>.check.yml} and its translations. */
	@JsonClassDescription("confidence check")
	record CheckFile(@Required List<CheckStatement> statements, @JsonProperty(Translations.TRANSLATED_FROM) String translatedFrom)
			implements Translations.Translated {
	}

	@JsonClassDescription("check statement")
	record CheckStatement(@Required String id, @Required String text) {
	}

	/** {@code frameworks/<id>.yml}: the framework, its source, and its statements. */
	void framework(String path, String text) {
		ContentYaml.Doc<FrameworkFile> yml = ContentYaml.read(path, text, FrameworkFile.class, problems).orElse(null);
		if (yml == null) {
			unreadFramework = true;
			return;
		}
		FrameworkFile file = yml.value();
		String fileId = path.substring(ContentFiles.FRAMEWORKS.length(), path.length() - ".yml".length());
		if (!file.id().equals(fileId)) {
			problems.error(path, yml.line("id"), "framework id '" + file.id() + "' does not match its file name '" + fileId + "'");
		}
		boolean valid = url(path, file.source(), yml.line("source"));
		List<FrameworkStatement> statements = new ArrayList<>();
		for (int i = 0; i < file.statements().size(); i++) {
			FrameworkStatement statement = statement(path, file.statements().get(i), file.id(), yml, i);
			if (statement != null) {
				statements.add(statement);
			}
		}
		if (valid) {
			frameworks.add(new Framework(file.id(), file.name(), file.edition(), file.publisher(), file.source(),
					file.checked(), file.wording(), statements));
		}
	}

	private FrameworkStatement statement(String path, StatementEntry item, String frameworkId,
			ContentYaml.Doc<FrameworkFile> yml, int index) {
		String id = item.id();
		if (!LoadContext.checkId(problems, path, yml.line("statements", index, "id"), "statement", id)) {
			return null;
		}
		String other = statementPaths.putIfAbsent(id, path);
		if (other != null) {
			problems.error(path, yml.line("statements", index, "id"), "duplicate statement id '" + id + "' (also in " + other + ")");
		}
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < item.bands().size(); i++) {
			Band band = LoadContext.band(problems, path, yml.line("statements", index, "bands", i), item.bands().get(i));
			if (band != null) {
				bands.add(band);
			}
		}
		boolean valid = url(path, item.source(), yml.line("statements", index, "source"));
		return bands.isEmpty() || !valid ? null
				: new FrameworkStatement(id, frameworkId, item.strand(), item.ages(), bands, item.text(), item.source());
	}

	/**
	 * module.yml's {@code covers}: a list of {@code band} and {@code statements}; each band must be
	 * one the module lists.
	 */
	Map<Band, List<String>> covers(String path, ContentYaml.Doc<ModuleReader.ModuleFile> module, Set<Band> listed) {
		Map<Band, List<String>> covers = new EnumMap<>(Band.class);
		List<Covers> items = module.value().covers();
		for (int i = 0; i < items.size(); i++) {
			Covers item = items.get(i);
			int line = module.line("covers", i, "band");
			Band band = LoadContext.band(problems, path, line, item.band());
			if (band == null) {
				continue;
			}
			if (!listed.contains(band)) {
				problems.error(path, line, "covers band " + band.id() + ", which module.yml does not list");
			}
			if (covers.containsKey(band)) {
				problems.error(path, line, "covers band " + band.id() + " twice");
				continue;
			}
			List<String> ids = new ArrayList<>();
			for (int j = 0; j < item.statements().size(); j++) {
				String statement = item.statements().get(j);
				int statementLine = module.line("covers", i, "statements", j);
				if (ids.contains(statement)) {
					problems.error(path, statementLine, "statement '" + statement + "' is listed twice for " + band.id());
					continue;
				}
				ids.add(statement);
				references.add(new Reference(path, statementLine, statement, module.value().id(), band));
			}
			covers.put(band, ids);
		}
		return covers;
	}

	/** {@code <band>.check.yml}: two to four statements, each with an id and the words a learner rates. */
	void check(String path, String text, String moduleId, Band band, SafeguardingLint lint) {
		ContentYaml.Doc<CheckFile> yml = ContentYaml.read(path, text, CheckFile.class, problems).orElse(null);
		if (yml == null) {
			return;
		}
		List<ConfidenceCheck.Statement> statements = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<CheckStatement> items = yml.value().statements();
		for (int i = 0; i < items.size(); i++) {
			CheckStatement item = items.get(i);
			if (!LoadContext.checkId(problems, path, yml.line("statements", i, "id"), "statement", item.id())) {
				continue;
			}
			if (!ids.add(item.id())) {
				problems.error(path, yml.line("statements", i, "id"), "duplicate statement id '" + item.id() + "'");
				continue;
			}
			int index = i;
			lint.checkText(path, () -> yml.line("statements", index, "text"), item.text(), problems);
			statements.add(new ConfidenceCheck.Statement(item.id(), item.text()));
		}
		if (items.size() < MIN_CHECK_STATEMENTS || items.size() > MAX_CHECK_STATEMENTS) {
			problems.error(path, yml.line("statements"), String.format(Locale.ROOT,
					"a confidence check has %d to %d statements, not %d", MIN_CHECK_STATEMENTS, MAX_CHECK_STATEMENTS,
					items.size()));
			return;
		}
		if (statements.size() == items.size()) {
			checks.computeIfAbsent(moduleId, key -> new EnumMap<>(Band.class)).put(band, new ConfidenceCheck(statements));
		}
	}

	/**
	 * {@code <band>.check.<language>.yml}, read after the English checks: {@code translated-from} and
	 * the English check's statement ids in the same order (answers are stored by id), words translated.
	 */
	void checkTranslation(String path, String text, String moduleId, Band band, String language, String englishPath,
			String englishText, SafeguardingLint lint) {
		ConfidenceCheck english = checks.getOrDefault(moduleId, Map.of()).get(band);
		if (english == null) {
			problems.error(path, 1, "translation of " + englishPath + ", which does not exist or does not load");
			return;
		}
		ContentYaml.Doc<CheckFile> yml = ContentYaml.read(path, text, CheckFile.class, problems).orElse(null);
		if (yml == null) {
			return;
		}
		Translations.checkHash(path, yml, englishPath, englishText, problems);
		List<String> englishIds = english.statements().stream().map(ConfidenceCheck.Statement::id).toList();
		List<CheckStatement> items = yml.value().statements();
		for (int i = 0; i < items.size(); i++) {
			int index = i;
			lint.checkText(path, () -> yml.line("statements", index, "text"), items.get(i).text(), problems);
		}
		List<String> ids = items.stream().map(CheckStatement::id).toList();
		int differsAt = Arrays.mismatch(ids.toArray(), englishIds.toArray());
		if (differsAt >= 0) {
			problems.error(path, yml.line("statements", differsAt, "id"), "statement ids " + ids + " differ from "
					+ englishPath + " " + englishIds + ": keep the English statement ids, in the same order");
			return;
		}
		translatedChecks.computeIfAbsent(language, key -> new TreeMap<>())
			.computeIfAbsent(moduleId, key -> new EnumMap<>(Band.class))
			.put(band, new ConfidenceCheck(items.stream().map(item -> new ConfidenceCheck.Statement(item.id(), item.text())).toList()));
	}

	/** Checks every reference against the frameworks read, and builds the evidence. */
	Evidence finish(Map<String, Map<Band, List<String>>> coverage) {
		Map<String, FrameworkStatement> statements = new LinkedHashMap<>();
		frameworks.forEach(framework -> framework.statements().forEach(statement -> statements.put(statement.id(), statement)));
		for (Reference reference : references) {
			FrameworkStatement statement = statements.get(reference.statementId());
			if (statement == null) {
				if (!statementPaths.containsKey(reference.statementId()) && !unreadFramework) {
					problems.error(reference.path(), reference.line(), "unknown framework statement '"
							+ reference.statementId() + "': no file in " + ContentFiles.FRAMEWORKS + " has it");
				}
			}
			else if (!statement.isFor(reference.band())) {
				problems.error(reference.path(), reference.line(), "statement '" + statement.id() + "' is for ages "
						+ statement.ages() + ", not " + reference.band().id());
			}
		}
		return new Evidence(frameworks, coverage, checks, translatedChecks);
	}

	// Whether a source is a web address; reported when it is not.
	private boolean url(String path, String url, int line) {
		if (!url.startsWith("https://") && !url.startsWith("http://")) {
			problems.error(path, line, "'source' should be a web address, not '" + url + "'");
			return false;
		}
		return true;
	}

}
