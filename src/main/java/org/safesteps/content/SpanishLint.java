package org.safesteps.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks every Spanish file (*.es.md, *.es.yml) against glossary.es.yml: the glossary's avoided
 * words (regional, rude or anglicised ones, with the agreed term instead), and the register for the
 * reader: children read tú, parents and teachers usted. Quoted speech («», "" or “”) is what an
 * adult says to a child, so the register rule skips it.
 */
final class SpanishLint {

	static final String GLOSSARY = "glossary.es.yml";

	// As in YamlFile: a Yaml instance is costly to build and not thread-safe, so one per thread.
	private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> new Yaml(new LoaderOptions()));

	// Keys whose values are ids or hashes, not Spanish text.
	private static final Set<String> NOT_TEXT = Set.of("id", "type", "correct", Translations.TRANSLATED_FROM);

	private static final Pattern QUOTED = Pattern.compile("«(?:(?!\\n\\s*\\n)[^»])*»|“(?:(?!\\n\\s*\\n)[^”])*”|\"[^\"\\n]*\"");

	// Not prose: step ids, link targets and addresses (English words such as "report" or "online" in them).
	private static final Pattern NOT_PROSE = Pattern.compile("\\{#[^}]*}|\\]\\([^)]*\\)|https?://\\S+");

	// Front matter that is not prose: ids copied from the English page and its "# Sources" comments.
	private static final Pattern NOT_PROSE_FRONT_MATTER = Pattern
		.compile("(?m)^(?:#|modules:|topic:|urgent:|" + Translations.TRANSLATED_FROM + ":).*$");

	// Lessons, quizzes and checks of a module band speak to a child; module.es.yml and teacher notes to adults.
	private static final Pattern CHILD_FILE = Pattern.compile("modules/[^/]+/ages-[^/]+\\.es\\.(md|yml)");

	private final List<Rule> glossary;

	private final Rule usted;

	private final Rule tuteo;

	private SpanishLint(List<Rule> glossary, Rule usted, Rule tuteo) {
		this.glossary = List.copyOf(glossary);
		this.usted = usted;
		this.tuteo = tuteo;
	}

	/** Words to avoid, phrases in which they are right, and the message for a match. */
	private record Rule(Pattern avoid, Pattern allow, String message) {

		void check(String path, int line, String text, Problems problems) {
			List<int[]> allowed = new ArrayList<>();
			if (allow != null) {
				Matcher allowedMatch = allow.matcher(text);
				while (allowedMatch.find()) {
					allowed.add(new int[] { allowedMatch.start(), allowedMatch.end() });
				}
			}
			Matcher matcher = avoid.matcher(text);
			while (matcher.find()) {
				int at = matcher.start();
				if (allowed.stream().noneMatch(range -> at >= range[0] && at < range[1])) {
					problems.error(path, line + SafeguardingLint.lineAt(text, at) - 1,
							message.replace("{0}", matcher.group()));
				}
			}
		}

	}

	/** Checks the Spanish files among {@code files}; without glossary.es.yml a Spanish file is an error. */
	static void check(Map<String, String> files, Problems problems) {
		List<String> spanish = files.keySet().stream().filter(SpanishLint::isSpanish).toList();
		if (spanish.isEmpty()) {
			return;
		}
		if (!files.containsKey(GLOSSARY)) {
			problems.error(GLOSSARY, 1, "missing: Spanish files are checked against the Spanish glossary");
			return;
		}
		SpanishLint lint = read(GLOSSARY, files.get(GLOSSARY), problems);
		for (String path : spanish) {
			lint.checkFile(path, files.get(path), problems);
		}
	}

	static boolean isSpanish(String path) {
		return !path.equals(GLOSSARY) && (path.endsWith(".es.md") || path.endsWith(".es.yml"));
	}

	static SpanishLint read(String path, String text, Problems problems) {
		List<Rule> glossary = new ArrayList<>();
		Rule[] register = new Rule[2];
		YamlFile.parse(path, text, problems).ifPresent(file -> {
			for (YamlFile.Mapping term : file.mappings("terms")) {
				String english = term.requiredText("en", "glossary term");
				String spanish = term.requiredText("es", "glossary term");
				List<YamlFile.Scalar> avoid = term.oneOrMore("avoid");
				if (english == null || spanish == null || avoid.isEmpty()) {
					continue;
				}
				String why = term.text("why");
				glossary.add(new Rule(words(avoid), allowed(term.oneOrMore("allow")), "glossary: avoid \"{0}\", say \""
						+ spanish.strip() + "\" (" + english.strip() + ")" + (why == null ? "" : ". " + why.strip())));
			}
			YamlFile.Mapping readers = file.mapping("register");
			if (readers == null) {
				problems.error(path, file.line(), "glossary has no 'register' (children and adults)");
				return;
			}
			register[0] = register(path, readers, "children",
					"register: \"{0}\" is usted; a child reads tú (ustedes for a group)", problems);
			register[1] = register(path, readers, "adults",
					"register: \"{0}\" is tú; parents and teachers read usted (put what to say to a child in «»)", problems);
		});
		return new SpanishLint(glossary, register[0], register[1]);
	}

	private static Rule register(String path, YamlFile.Mapping readers, String reader, String message, Problems problems) {
		YamlFile.Mapping section = readers.mapping(reader);
		List<YamlFile.Scalar> avoid = section == null ? List.of() : section.oneOrMore("avoid");
		if (avoid.isEmpty()) {
			problems.error(path, readers.line(), "register has no '" + reader + "' with 'avoid' words");
			return null;
		}
		return new Rule(words(avoid), null, message);
	}

	// Whole words; a leading or trailing * stands for any letters; words match across any whitespace.
	private static Pattern words(List<YamlFile.Scalar> words) {
		List<String> alternatives = new ArrayList<>();
		for (YamlFile.Scalar word : words) {
			String value = word.value().strip();
			String prefix = value.startsWith("*") ? "\\p{L}*" : "";
			String suffix = value.endsWith("*") && value.length() > 1 ? "\\p{L}*" : "";
			String core = value.substring(prefix.isEmpty() ? 0 : 1, value.length() - (suffix.isEmpty() ? 0 : 1));
			alternatives.add(prefix + phrase(core) + suffix);
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static Pattern allowed(List<YamlFile.Scalar> phrases) {
		if (phrases.isEmpty()) {
			return null;
		}
		return Pattern.compile(String.join("|", phrases.stream().map(phrase -> phrase(phrase.value().strip())).toList()),
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static String phrase(String words) {
		List<String> quoted = new ArrayList<>();
		for (String word : words.split("\\s+")) {
			quoted.add(Pattern.quote(word));
		}
		return String.join("\\s+", quoted);
	}

	/** One Spanish file: the glossary everywhere, the register its reader needs outside quoted speech. */
	void checkFile(String path, String text, Problems problems) {
		Rule register = CHILD_FILE.matcher(path).matches() ? usted : tuteo;
		if (path.endsWith(".md")) {
			checkText(path, 1, withoutFrontMatterIdsAndComments(text), register, problems);
			return;
		}
		Node root;
		try {
			root = YAML.get().compose(new StringReader(text));
		}
		catch (RuntimeException ex) {
			// The file's own reader reports its YAML errors.
			return;
		}
		checkNode(path, root, false, register, problems);
	}

	private void checkText(String path, int line, String source, Rule register, Problems problems) {
		String text = blank(source, NOT_PROSE);
		for (Rule rule : glossary) {
			rule.check(path, line, text, problems);
		}
		if (register != null) {
			register.check(path, line, blank(text, QUOTED), problems);
		}
	}

	private void checkNode(String path, Node node, boolean skip, Rule register, Problems problems) {
		if (node instanceof ScalarNode scalar && !skip) {
			// A block scalar (| or >) starts on the line after its indicator.
			int line = YamlFile.line(scalar) + (scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED
					|| scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL ? 1 : 0);
			checkText(path, line, scalar.getValue(), register, problems);
		}
		else if (node instanceof SequenceNode sequence) {
			sequence.getValue().forEach(item -> checkNode(path, item, skip, register, problems));
		}
		else if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
				checkNode(path, tuple.getValueNode(), NOT_TEXT.contains(key), register, problems);
			}
		}
	}

	// A "# Sources" line is a comment only inside the front matter; in the body "# " would be a heading.
	private static String withoutFrontMatterIdsAndComments(String text) {
		if (!text.startsWith("---")) {
			return text;
		}
		int end = text.indexOf("\n---", 3);
		if (end < 0) {
			return text;
		}
		return blank(text.substring(0, end), NOT_PROSE_FRONT_MATTER) + text.substring(end);
	}

	// Blanks every match, keeping line breaks so the lines of what is left stay right.
	private static String blank(String text, Pattern pattern) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder blanked = new StringBuilder(text);
		while (matcher.find()) {
			for (int i = matcher.start(); i < matcher.end(); i++) {
				if (blanked.charAt(i) != '\n') {
					blanked.setCharAt(i, ' ');
				}
			}
		}
		return blanked.toString();
	}

}
