package org.safesteps.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the evidence parts of one load: framework files, the {@code covers} lists of module.yml
 * and the {@code <band>.check.yml} confidence checks. References are checked once every file is
 * read, so an unknown statement id is reported at the module.yml line that names it.
 */
final class EvidenceReader {

	static final String FRAMEWORKS = "frameworks/";

	static final String CHECK_SUFFIX = ".check.yml";

	private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final int MIN_CHECK_STATEMENTS = 2;

	private static final int MAX_CHECK_STATEMENTS = 4;

	private final Problems problems;

	private final List<Framework> frameworks = new ArrayList<>();

	private final Map<String, String> statementPaths = new HashMap<>();

	private final List<Reference> references = new ArrayList<>();

	private final Map<String, Map<Band, ConfidenceCheck>> checks = new TreeMap<>();

	// language to module id to band
	private final Map<String, Map<String, Map<Band, ConfidenceCheck>>> translatedChecks = new TreeMap<>();

	/** A statement id named in a module.yml, with where it was named. */
	private record Reference(String path, int line, String statementId, String moduleId, Band band) {
	}

	EvidenceReader(Problems problems) {
		this.problems = problems;
	}

	static boolean isFramework(String path) {
		return path.startsWith(FRAMEWORKS) && path.endsWith(".yml") && path.indexOf('/', FRAMEWORKS.length()) < 0;
	}

	static boolean isCheck(String fileName) {
		return fileName.endsWith(CHECK_SUFFIX) && !fileName.contains("/");
	}

	/** {@code frameworks/<id>.yml}: the framework, its source, and its statements. */
	void framework(String path, String text) {
		YamlFile.Mapping yml = YamlFile.parse(path, text, problems).orElse(null);
		if (yml == null) {
			return;
		}
		String what = "framework";
		String id = yml.requiredText("id", what);
		String fileId = path.substring(FRAMEWORKS.length(), path.length() - ".yml".length());
		if (id != null && !id.equals(fileId)) {
			problems.error(path, yml.lineOf("id"), "framework id '" + id + "' does not match its file name '" + fileId + "'");
		}
		String name = yml.requiredText("name", what);
		String edition = yml.requiredText("edition", what);
		String publisher = yml.requiredText("publisher", what);
		String source = url(yml, "source", what);
		LocalDate checked = date(yml, "checked", what);
		Framework.Wording wording = wording(yml);
		List<FrameworkStatement> statements = new ArrayList<>();
		for (YamlFile.Mapping item : yml.mappings("statements")) {
			FrameworkStatement statement = statement(path, item, id);
			if (statement != null) {
				statements.add(statement);
			}
		}
		if (statements.isEmpty()) {
			problems.error(path, yml.lineOf("statements"), "framework has no statements");
		}
		if (id != null && name != null && edition != null && publisher != null && source != null && checked != null
				&& wording != null) {
			frameworks.add(new Framework(id, name, edition, publisher, source, checked, wording, statements));
		}
	}

	private FrameworkStatement statement(String path, YamlFile.Mapping item, String frameworkId) {
		String what = "statement";
		String id = item.requiredText("id", what);
		if (id != null && !ID.matcher(id).matches()) {
			problems.error(path, item.lineOf("id"), "statement id '" + id + "' should be lowercase letters, digits and dashes");
			id = null;
		}
		if (id != null) {
			String other = statementPaths.putIfAbsent(id, path);
			if (other != null) {
				problems.error(path, item.lineOf("id"), "duplicate statement id '" + id + "' (also in " + other + ")");
			}
		}
		String strand = item.requiredText("strand", what);
		String ages = item.requiredText("ages", what);
		String text = item.requiredText("text", what);
		String source = url(item, "source", what);
		List<Band> bands = new ArrayList<>();
		for (YamlFile.Scalar band : item.texts("bands")) {
			Band.fromId(band.value()).ifPresentOrElse(bands::add,
					() -> problems.error(path, band.line(), "unknown band '" + band.value() + "' (" + Band.ids() + ")"));
		}
		if (!item.has("bands")) {
			problems.error(path, item.line(), "statement has no 'bands'");
		}
		if (id == null || strand == null || ages == null || text == null || source == null || bands.isEmpty()) {
			return null;
		}
		return new FrameworkStatement(id, frameworkId, strand, ages, bands, text, source);
	}

	/**
	 * module.yml's {@code covers}: a list of {@code band} and {@code statements}; each band must be
	 * one the module lists.
	 */
	Map<Band, List<String>> covers(String path, YamlFile.Mapping module, String moduleId, Set<Band> listed) {
		Map<Band, List<String>> covers = new EnumMap<>(Band.class);
		for (YamlFile.Mapping item : module.mappings("covers")) {
			String bandId = item.requiredText("band", "covers item");
			if (bandId == null) {
				continue;
			}
			Band band = Band.fromId(bandId).orElse(null);
			if (band == null) {
				problems.error(path, item.lineOf("band"), "unknown band '" + bandId + "' (" + Band.ids() + ")");
				continue;
			}
			if (!listed.contains(band)) {
				problems.error(path, item.lineOf("band"), "covers band " + band.id() + ", which module.yml does not list");
			}
			if (covers.containsKey(band)) {
				problems.error(path, item.lineOf("band"), "covers band " + band.id() + " twice");
				continue;
			}
			List<String> ids = new ArrayList<>();
			for (YamlFile.Scalar statement : item.texts("statements")) {
				if (ids.contains(statement.value())) {
					problems.error(path, statement.line(), "statement '" + statement.value() + "' is listed twice for " + band.id());
					continue;
				}
				ids.add(statement.value());
				references.add(new Reference(path, statement.line(), statement.value(), moduleId, band));
			}
			covers.put(band, ids);
		}
		return covers;
	}

	/** {@code <band>.check.yml}: two to four statements, each with an id and the words a learner rates. */
	void check(String path, String text, String moduleId, Band band, SafeguardingLint lint) {
		YamlFile.Mapping yml = YamlFile.parse(path, text, problems).orElse(null);
		if (yml == null) {
			return;
		}
		List<ConfidenceCheck.Statement> statements = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<YamlFile.Mapping> items = yml.mappings("statements");
		for (YamlFile.Mapping item : items) {
			String id = item.requiredText("id", "check statement");
			String words = item.requiredText("text", "check statement");
			if (id != null && !ID.matcher(id).matches()) {
				problems.error(path, item.lineOf("id"), "statement id '" + id + "' should be lowercase letters, digits and dashes");
				continue;
			}
			if (id != null && !ids.add(id)) {
				problems.error(path, item.lineOf("id"), "duplicate statement id '" + id + "'");
				continue;
			}
			if (words != null) {
				lint.checkText(path, item.lineOf("text"), words, problems);
			}
			if (id != null && words != null) {
				statements.add(new ConfidenceCheck.Statement(id, words));
			}
		}
		if (items.size() < MIN_CHECK_STATEMENTS || items.size() > MAX_CHECK_STATEMENTS) {
			problems.error(path, yml.lineOf("statements"), String.format(Locale.ROOT,
					"a confidence check has %d to %d statements, not %d", MIN_CHECK_STATEMENTS, MAX_CHECK_STATEMENTS,
					items.size()));
			return;
		}
		if (moduleId != null && statements.size() == items.size()) {
			checks.computeIfAbsent(moduleId, key -> new EnumMap<>(Band.class)).put(band, new ConfidenceCheck(statements));
		}
	}

	/**
	 * {@code <band>.check.<language>.yml}, read after the English checks: {@code translated-from} and
	 * the English check's statement ids in the same order (answers are stored by id), words translated.
	 */
	void checkTranslation(String path, String text, String moduleId, Band band, String language, String englishPath,
			String englishText, SafeguardingLint lint) {
		ConfidenceCheck english = moduleId == null ? null : checks.getOrDefault(moduleId, Map.of()).get(band);
		if (english == null) {
			problems.error(path, 1, "translation of " + englishPath + ", which does not exist or does not load");
			return;
		}
		YamlFile.Mapping yml = YamlFile.parse(path, text, problems).orElse(null);
		if (yml == null) {
			return;
		}
		Translations.checkHash(path, yml.lineOf(Translations.TRANSLATED_FROM), yml.text(Translations.TRANSLATED_FROM),
				englishPath, englishText, problems);
		List<String> englishIds = english.statements().stream().map(ConfidenceCheck.Statement::id).toList();
		List<String> ids = new ArrayList<>();
		List<ConfidenceCheck.Statement> statements = new ArrayList<>();
		int differsAt = yml.lineOf("statements");
		for (YamlFile.Mapping item : yml.mappings("statements")) {
			String id = item.requiredText("id", "check statement");
			String words = item.requiredText("text", "check statement");
			if (ids.equals(englishIds.subList(0, Math.min(ids.size(), englishIds.size())))
					&& (ids.size() >= englishIds.size() || !englishIds.get(ids.size()).equals(id))) {
				differsAt = item.lineOf("id");
			}
			ids.add(id);
			if (words != null) {
				lint.checkText(path, item.lineOf("text"), words, problems);
			}
			if (id != null && words != null) {
				statements.add(new ConfidenceCheck.Statement(id, words));
			}
		}
		if (!ids.equals(englishIds)) {
			problems.error(path, differsAt, "statement ids " + ids + " differ from " + englishPath + " " + englishIds
					+ ": keep the English statement ids, in the same order");
			return;
		}
		if (statements.size() == englishIds.size()) {
			translatedChecks.computeIfAbsent(language, key -> new TreeMap<>())
				.computeIfAbsent(moduleId, key -> new EnumMap<>(Band.class))
				.put(band, new ConfidenceCheck(statements));
		}
	}

	/** Checks every reference against the frameworks read, and builds the evidence. */
	Evidence finish(Map<String, Map<Band, List<String>>> coverage) {
		Map<String, FrameworkStatement> statements = new LinkedHashMap<>();
		frameworks.forEach(framework -> framework.statements().forEach(statement -> statements.put(statement.id(), statement)));
		for (Reference reference : references) {
			FrameworkStatement statement = statements.get(reference.statementId());
			if (statement == null) {
				if (!statementPaths.containsKey(reference.statementId())) {
					problems.error(reference.path(), reference.line(), "unknown framework statement '"
							+ reference.statementId() + "': no file in " + FRAMEWORKS + " has it");
				}
			}
			else if (!statement.isFor(reference.band())) {
				problems.error(reference.path(), reference.line(), "statement '" + statement.id() + "' is for ages "
						+ statement.ages() + ", not " + reference.band().id());
			}
		}
		return new Evidence(frameworks, coverage, checks, translatedChecks);
	}

	private String url(YamlFile.Mapping yml, String key, String what) {
		String url = yml.requiredText(key, what);
		if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
			problems.error(yml.path(), yml.lineOf(key), "'" + key + "' should be a web address, not '" + url + "'");
			return null;
		}
		return url;
	}

	private LocalDate date(YamlFile.Mapping yml, String key, String what) {
		String text = yml.requiredText(key, what);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			problems.error(yml.path(), yml.lineOf(key), "'" + key + "' should be a date (YYYY-MM-DD), not '" + text + "'");
			return null;
		}
	}

	private Framework.Wording wording(YamlFile.Mapping yml) {
		String text = yml.requiredText("wording", "framework");
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "quoted" -> Framework.Wording.QUOTED;
			case "paraphrased" -> Framework.Wording.PARAPHRASED;
			default -> {
				problems.error(yml.path(), yml.lineOf("wording"), "'wording' should be quoted or paraphrased, not '" + text + "'");
				yield null;
			}
		};
	}

}
