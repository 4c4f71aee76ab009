package org.safesteps.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.safesteps.theme.Language;

/**
 * Like petclinic's I18nPropertiesSyncTest: every shipped language has every English key (with the
 * same placeholders), every key a template or controller uses exists in every language, and no
 * template shows literal text a translator could never reach.
 */
class I18nSyncTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path THEMES = Path.of("themes");

	private static final Path JAVA = Path.of("src/main/java");

	private static final List<String> BUNDLES = List.of("messages", "i18n/learn", "i18n/teach", "i18n/guidance");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

	// A start tag, its quoted attribute values may hold '>' (th:if="${a > b}"); or an end tag; or a comment.
	private static final Pattern TOKEN = Pattern.compile(
			"<!--.*?-->|<!DOCTYPE[^>]*>|</([a-zA-Z][\\w:-]*)\\s*>|<([a-zA-Z][\\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");

	private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
			"meta", "source", "track", "wbr");

	/** Attributes people read or hear. */
	private static final List<String> READ_ATTRIBUTES = List.of("alt", "title", "placeholder", "aria-label",
			"aria-roledescription", "aria-valuetext", "label");

	/** Attributes that replace an element's content (or the element), so the text inside is only a sample. */
	private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:remove", "th:errors");

	// #{key} or #{key(args)}; keys built at run time (#{|a.${b}|}, #{${notice}}) are checked where they are made.
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[(}]");

	private static final Pattern JAVA_KEY = Pattern.compile(
			"(?:getMessage\\(|Attribute\\(\"(?:notice|problem)\",\\s*)\"([a-zA-Z][\\w-]*(?:\\.[\\w-]+)+)\"");

	@Test
	void everyShippedLanguageHasEveryEnglishKeyWithTheSamePlaceholders() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String bundle : BUNDLES) {
			Properties english = load(bundle, null);
			for (Language language : Language.all()) {
				if (language == Language.ENGLISH) {
					continue;
				}
				Properties translated = load(bundle, language.code());
				for (String key : english.stringPropertyNames()) {
					String text = translated.getProperty(key);
					if (text == null || text.isBlank()) {
						problems.add(bundle + "_" + language.code() + ": missing " + key);
					}
					else if (!placeholders(text).equals(placeholders(english.getProperty(key)))) {
						problems.add(bundle + "_" + language.code() + ": " + key + " has placeholders "
								+ placeholders(text) + ", English has " + placeholders(english.getProperty(key)));
					}
				}
				for (String key : translated.stringPropertyNames()) {
					if (!english.containsKey(key)) {
						problems.add(bundle + "_" + language.code() + ": " + key + " is not in the English bundle");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyUsedInATemplateOrControllerExistsInEveryShippedLanguage() throws IOException {
		Map<Language, Properties> bundles = new HashMap<>();
		for (Language language : Language.all()) {
			Properties all = new Properties();
			for (String bundle : BUNDLES) {
				all.putAll(load(bundle, language == Language.ENGLISH ? null : language.code()));
			}
			bundles.put(language, all);
		}
		Set<String> used = new TreeSet<>();
		for (Path template : files(THEMES, ".html")) {
			Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		for (Path source : files(JAVA, ".java")) {
			Matcher matcher = JAVA_KEY.matcher(Files.readString(source));
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		assertThat(used).as("keys found in templates and controllers").contains("layout.title", "class.notice.code");
		List<String> missing = new ArrayList<>();
		for (String key : used) {
			for (Language language : Language.all()) {
				if (!bundles.get(language).containsKey(key)) {
					missing.add(key + " (" + language.code() + ")");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void templatesShowNoLiteralText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : files(THEMES, ".html")) {
			problems.addAll(literalText(template.toString(), Files.readString(template)));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theScanFindsLiteralTextAndLiteralLabelsButNotSampleText() {
		String html = """
				<p th:text="#{a}">Sample <b>text</b></p>
				<div th:replace="~{x}">Sample</div>
				<p>Literal words</p>
				<img src="x.png" alt="A literal picture">
				<button th:attr="aria-label=#{b}" aria-label="Sample">1</button>
				<input th:if="${a > b}" placeholder="Type here">
				<span aria-hidden="true">·</span>
				""";

		assertThat(literalText("t.html", html)).containsExactly("t.html:3: text \"Literal words\"",
				"t.html:4: alt=\"A literal picture\"", "t.html:6: placeholder=\"Type here\"");
	}

	/** Text nodes and read attributes that no th: expression replaces. */
	static List<String> literalText(String name, String html) {
		List<String> problems = new ArrayList<>();
		Deque<Boolean> replaced = new ArrayDeque<>();
		Matcher matcher = TOKEN.matcher(html);
		int textStart = 0;
		while (matcher.find()) {
			checkText(name, html, textStart, matcher.start(), replaced, problems);
			textStart = matcher.end();
			if (matcher.group(1) != null) {
				String closing = matcher.group(1).toLowerCase();
				if (!VOID.contains(closing) && !replaced.isEmpty()) {
					replaced.pop();
				}
				continue;
			}
			if (matcher.group(2) == null) {
				continue;
			}
			String element = matcher.group(2).toLowerCase();
			Map<String, String> attributes = attributes(matcher.group(3));
			boolean replacing = REPLACING.stream().anyMatch(attributes::containsKey);
			String thAttr = attributes.getOrDefault("th:attr", "");
			for (String read : READ_ATTRIBUTES) {
				String value = attributes.get(read);
				boolean overridden = attributes.containsKey("th:" + read) || thAttr.matches("(?s).*\\b" + Pattern.quote(read) + "\\s*=.*");
				if (value != null && !overridden && isWords(value)) {
					problems.add(name + ":" + line(html, matcher.start()) + ": " + read + "=\"" + value + "\"");
				}
			}
			boolean selfClosing = !matcher.group(4).isEmpty() || VOID.contains(element);
			if (!selfClosing) {
				replaced.push(replacing || (!replaced.isEmpty() && replaced.peek()));
			}
		}
		checkText(name, html, textStart, html.length(), replaced, problems);
		return problems;
	}

	private static void checkText(String name, String html, int start, int end, Deque<Boolean> replaced,
			List<String> problems) {
		String text = html.substring(start, end).strip();
		boolean sample = !replaced.isEmpty() && replaced.peek();
		if (!sample && isWords(text)) {
			problems.add(name + ":" + line(html, start + html.substring(start, end).indexOf(text)) + ": text \"" + text + "\"");
		}
	}

	// Punctuation, symbols, digits and entities alone are not words a translator needs.
	private static boolean isWords(String text) {
		return text.replaceAll("&[a-zA-Z]+;|&#\\d+;", " ").codePoints().anyMatch(Character::isLetter);
	}

	private static Map<String, String> attributes(String source) {
		Map<String, String> attributes = new HashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(source);
		while (matcher.find()) {
			String value = matcher.group(2);
			if (value != null && (value.startsWith("\"") || value.startsWith("'"))) {
				value = value.substring(1, value.length() - 1);
			}
			attributes.put(matcher.group(1).toLowerCase(), value == null ? "" : value);
		}
		return attributes;
	}

	private static int line(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	private static Properties load(String bundle, String language) throws IOException {
		Path file = RESOURCES.resolve(bundle + (language == null ? "" : "_" + language) + ".properties");
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter((path) -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
