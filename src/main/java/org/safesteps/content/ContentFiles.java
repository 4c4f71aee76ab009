package org.safesteps.content;

import java.util.Map;
import java.util.TreeMap;

/**
 * The first step of a load: every file of the content tree read once, in path order, and sorted by
 * what it is; a Markdown or YAML file of no known kind is reported and ignored.
 *
 * @param all every file by path
 * @param version a short hash of every path and text: changes whenever any file does
 * @param frameworks {@code frameworks/<id>.yml}
 * @param guides {@code guidance/<id>.md}
 * @param guideTranslations {@code guidance/<id>.<language>.md}
 * @param moduleFolders folder name to the files under {@code modules/<folder>/}
 */
record ContentFiles(Map<String, String> all, String version, Map<String, String> frameworks, Map<String, String> guides,
		Map<String, String> guideTranslations, Map<String, Map<String, String>> moduleFolders) {

	static final String LINT = "lint.yml";

	static final String HELP = "help/services.yml";

	static final String LABELS = "labels.yml";

	static final String MODULES = "modules/";

	static final String GUIDANCE = "guidance/";

	static final String FRAMEWORKS = "frameworks/";

	static ContentFiles read(ContentSource source, Problems problems) {
		Map<String, String> all = new TreeMap<>();
		for (String path : source.paths()) {
			all.put(path, source.read(path));
		}
		Map<String, String> frameworks = new TreeMap<>();
		Map<String, String> guides = new TreeMap<>();
		Map<String, String> guideTranslations = new TreeMap<>();
		Map<String, Map<String, String>> moduleFolders = new TreeMap<>();
		for (Map.Entry<String, String> file : all.entrySet()) {
			String path = file.getKey();
			if (path.equals(LINT) || path.equals(HELP) || path.equals(LABELS) || path.equals(SpanishLint.GLOSSARY)) {
				continue;
			}
			if (path.startsWith(FRAMEWORKS) && path.endsWith(".yml") && path.indexOf('/', FRAMEWORKS.length()) < 0) {
				frameworks.put(path, file.getValue());
			}
			else if (path.startsWith(GUIDANCE) && Translations.markdown(path.substring(GUIDANCE.length())).isPresent()) {
				guideTranslations.put(path, file.getValue());
			}
			else if (path.startsWith(MODULES) && path.indexOf('/', MODULES.length()) > 0) {
				String folder = path.substring(MODULES.length(), path.indexOf('/', MODULES.length()));
				moduleFolders.computeIfAbsent(folder, key -> new TreeMap<>()).put(path, file.getValue());
			}
			else if (path.startsWith(GUIDANCE) && path.endsWith(".md")) {
				guides.put(path, file.getValue());
			}
			else if (path.endsWith(".md") || path.endsWith(".yml") || path.endsWith(".yaml")) {
				problems.warning(path, 1, "unexpected file, ignored");
			}
		}
		return new ContentFiles(all, version(all), frameworks, guides, guideTranslations, moduleFolders);
	}

	boolean has(String path) {
		return all.containsKey(path);
	}

	String text(String path) {
		return all.get(path);
	}

	// A NUL ends each path and text, so moving text from one file to the next changes the hash.
	static String version(Map<String, String> files) {
		StringBuilder all = new StringBuilder();
		files.forEach((path, text) -> all.append(path).append('\0').append(text).append('\0'));
		return ContentHash.of(all.toString()).substring(0, 12);
	}

}
