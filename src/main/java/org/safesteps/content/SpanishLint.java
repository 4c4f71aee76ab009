package org.safesteps.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.safesteps.content.ContentYaml.Required;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Checks every Spanish file (*.es.md, *.es.yml) against glossary.es.yml: the glossary's avoided
 * words (regional, rude or anglicised ones, with the agreed term instead), and the register for the
 * reader: children read tú, parents and teachers usted. Quoted speech («», "" or “”) is what an
 * adult says to a child, so the register rule skips it.
 */
record SpanishLint(List<Rule> glossary, Rule usted, Rule tuteo) {

	static final String GLOSSARY = "glossary.es.yml";

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

	SpanishLint {
		glossary = List.copyOf(glossary);
	}

	/** Words to avoid, phrases in which they are right, and the message for a match. */
	private record Rule(Pattern avoid, Pattern allow, String message) {

		void check(String path, int line, String text, Problems problems) {
			List<int[]> allowed = allow == null ? List.of()
					: allow.matcher(text).results().map(match -> new int[] { match.start(), match.end() }).toList();
			SafeguardingLint.report(path, () -> line, text, avoid, allowed, match -> message.replace("{0}", match), problems);
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

	/** {@code glossary.es.yml}: the terms, and the words each reader's register avoids. */
	@JsonClassDescription("glossary")
	record GlossaryFile(List<Term> terms, @Required Register register) {
	}

	/** A term without {@code avoid} only records the agreed word. */
	@JsonClassDescription("glossary term")
	record Term(@Required String en, @Required String es, List<String> avoid, List<String> allow, String why) {
	}

	record Register(Words children, Words adults) {
	}

	record Words(List<String> avoid) {
	}

	static SpanishLint read(String path, String text, Problems problems) {
		ContentYaml.Doc<GlossaryFile> file = ContentYaml.read(path, text, GlossaryFile.class, problems).orElse(null);
		if (file == null) {
			return new SpanishLint(List.of(), null, null);
		}
		List<Rule> glossary = new ArrayList<>();
		for (Term term : file.value().terms()) {
			if (!term.avoid().isEmpty()) {
				glossary.add(new Rule(words(term.avoid()), allowed(term.allow()), "glossary: avoid \"{0}\", say \""
						+ term.es().strip() + "\" (" + term.en().strip() + ")" + (term.why() == null ? "" : ". " + term.why().strip())));
			}
		}
		Register register = file.value().register();
		return new SpanishLint(glossary,
				register(path, register.children(), "children", "register: \"{0}\" is usted; a child reads tú (ustedes for a group)",
						file, problems),
				register(path, register.adults(), "adults",
						"register: \"{0}\" is tú; parents and teachers read usted (put what to say to a child in «»)", file, problems));
	}

	private static Rule register(String path, Words words, String reader, String message,
			ContentYaml.Doc<GlossaryFile> file, Problems problems) {
		if (words == null || words.avoid().isEmpty()) {
			problems.error(path, file.line("register"), "register has no '" + reader + "' with 'avoid' words");
			return null;
		}
		return new Rule(words(words.avoid()), null, message);
	}

	// Whole words; a leading or trailing * stands for any letters; words match across any whitespace.
	private static Pattern words(List<String> words) {
		List<String> alternatives = new ArrayList<>();
		for (String word : words) {
			String value = word.strip();
			String prefix = value.startsWith("*") ? "\\p{L}*" : "";
			String suffix = value.endsWith("*") && value.length() > 1 ? "\\p{L}*" : "";
			String core = value.substring(prefix.isEmpty() ? 0 : 1, value.length() - (suffix.isEmpty() ? 0 : 1));
			alternatives.add(prefix + SafeguardingLint.wordsPattern(core) + suffix);
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static Pattern allowed(List<String> phrases) {
		if (phrases.isEmpty()) {
			return null;
		}
		return Pattern.compile(String.join("|", phrases.stream().map(SafeguardingLint::wordsPattern).toList()),
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** One Spanish file: the glossary everywhere, the register its reader needs outside quoted speech. */
	void checkFile(String path, String text, Problems problems) {
		Rule register = CHILD_FILE.matcher(path).matches() ? usted : tuteo;
		if (path.endsWith(".md")) {
			checkText(path, 1, withoutFrontMatterIdsAndComments(text), register, problems);
			return;
		}
		String[] lines = text.split("\\R", -1);
		try (JsonParser parser = ContentYaml.parser(text)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME && NOT_TEXT.contains(parser.currentName())) {
					parser.nextToken();
					parser.skipChildren();
				}
				else if (token.isScalarValue()) {
					TokenStreamLocation at = parser.currentTokenLocation();
					// A block scalar (| or >) starts on the line after its indicator.
					String row = lines[at.getLineNr() - 1];
					String rest = row.substring(row.offsetByCodePoints(0, at.getColumnNr() - 1));
					int line = at.getLineNr() + (rest.startsWith("|") || rest.startsWith(">") ? 1 : 0);
					checkText(path, line, parser.getString(), register, problems);
				}
			}
		}
		catch (JacksonException ex) {
			// The file's own reader reports its YAML errors.
		}
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

	// A "# Sources" line is a comment only inside the front matter; in the body "# " would be a heading.
	private static String withoutFrontMatterIdsAndComments(String text) {
		int end = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
		if (end < 0) {
			return text;
		}
		return blank(text.substring(0, end), NOT_PROSE_FRONT_MATTER) + text.substring(end);
	}

	// Blanks every match, keeping line breaks so the lines of what is left stay right.
	private static String blank(String text, Pattern pattern) {
		return pattern.matcher(text).replaceAll(match -> match.group().chars().map(c -> c == '\n' ? c : ' ')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
	}

}
