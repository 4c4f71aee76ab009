package org.safesteps.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The front matter of a Markdown file, read line by line rather than as strict YAML: editors write
 * titles such as {@code title: Sextortion: what parents need to know}, which YAML rejects.
 * Supports {@code key: value}, {@code key: [a, b]}, {@code - item} lists, block scalars
 * ({@code key: >-} with indented lines), quotes and {@code #} comments.
 */
final class FrontMatter {

	private static final Pattern ENTRY = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*:(?:\\s+(.*))?\\s*");

	private static final Pattern BLOCK_SCALAR = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s+([>|][-+]?)\\s*");

	private static final Pattern ITEM = Pattern.compile("\\s+-\\s+(.*)|-\\s+(.*)");

	private final String path;

	private final Problems problems;

	private final int line;

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	private FrontMatter(String path, Problems problems, int line) {
		this.path = path;
		this.problems = problems;
		this.line = line;
	}

	private record Entry(String value, List<YamlFile.Scalar> items, int line) {
	}

	/** Reads the front matter block of a parsed file; with none, every key is absent. */
	static FrontMatter read(String path, Document document, Problems problems) {
		Node first = document.getFirstChild();
		if (!(first instanceof YamlFrontMatterBlock block)) {
			return new FrontMatter(path, problems, 1);
		}
		int fenceLine = block.getStartLineNumber() + 1;
		FrontMatter frontMatter = new FrontMatter(path, problems, fenceLine);
		String[] lines = block.getChars().toString().split("\\R", -1);
		Entry current = null;
		// Skip the opening and closing fences.
		for (int i = 1; i < lines.length - 1; i++) {
			int lineNumber = fenceLine + i;
			String text = lines[i];
			if (text.isBlank() || text.strip().startsWith("#")) {
				continue;
			}
			Matcher blockScalar = BLOCK_SCALAR.matcher(text);
			if (blockScalar.matches()) {
				// A YAML block scalar (summary: >-): the indented lines below are its value.
				boolean literal = blockScalar.group(2).startsWith("|");
				StringBuilder value = new StringBuilder();
				while (i + 1 < lines.length - 1 && (lines[i + 1].isBlank() || Character.isWhitespace(lines[i + 1].charAt(0)))) {
					i++;
					String part = lines[i].strip();
					if (value.length() > 0) {
						value.append(literal ? "\n" : (part.isEmpty() ? "\n" : " "));
					}
					value.append(part);
				}
				current = new Entry(value.toString().strip(), List.of(), lineNumber);
				put(frontMatter, blockScalar.group(1), current, lineNumber, path, problems);
				continue;
			}
			Matcher item = ITEM.matcher(text);
			Matcher entry = ENTRY.matcher(text);
			if (item.matches() && current != null && current.value == null) {
				String value = unquote(withoutComment(item.group(1) != null ? item.group(1) : item.group(2)));
				current.items.add(new YamlFile.Scalar(value, lineNumber));
			}
			else if (entry.matches()) {
				String raw = entry.group(2) == null ? "" : withoutComment(entry.group(2));
				current = raw.isEmpty() ? new Entry(null, new ArrayList<>(), lineNumber)
						: raw.startsWith("[") && raw.endsWith("]") ? new Entry(null, inlineList(raw, lineNumber), lineNumber)
								: new Entry(unquote(raw), List.of(), lineNumber);
				put(frontMatter, entry.group(1), current, lineNumber, path, problems);
			}
			else {
				problems.error(path, lineNumber, "front matter line not understood: use 'key: value'");
			}
		}
		return frontMatter;
	}

	private static void put(FrontMatter frontMatter, String key, Entry entry, int lineNumber, String path,
			Problems problems) {
		if (frontMatter.entries.containsKey(key)) {
			problems.error(path, lineNumber, "duplicate key '" + key + "' in the front matter");
		}
		else {
			frontMatter.entries.put(key, entry);
		}
	}

	int line() {
		return line;
	}

	int lineOf(String key) {
		Entry entry = entries.get(key);
		return entry == null ? line : entry.line;
	}

	/** A value, or null when absent or empty. */
	String text(String key) {
		Entry entry = entries.get(key);
		if (entry == null || entry.value == null || entry.value.isBlank() || entry.value.equals("null")) {
			return null;
		}
		return entry.value;
	}

	String requiredText(String key, String what) {
		String text = text(key);
		if (text == null) {
			problems.error(path, lineOf(key), what + " has no '" + key + "' in its front matter");
		}
		return text;
	}

	List<YamlFile.Scalar> list(String key) {
		Entry entry = entries.get(key);
		if (entry == null) {
			return List.of();
		}
		if (entry.value != null) {
			// A single value where a list is expected: read it as a list of one.
			return List.of(new YamlFile.Scalar(entry.value, entry.line));
		}
		return List.copyOf(entry.items);
	}

	boolean bool(String key, boolean absent) {
		String text = text(key);
		if (text == null) {
			return absent;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.parseBoolean(text);
		}
		problems.error(path, lineOf(key), "'" + key + "' should be true or false, not '" + text + "'");
		return absent;
	}

	private static List<YamlFile.Scalar> inlineList(String raw, int line) {
		List<YamlFile.Scalar> items = new ArrayList<>();
		for (String item : raw.substring(1, raw.length() - 1).split(",")) {
			if (!item.isBlank()) {
				items.add(new YamlFile.Scalar(unquote(item.strip()), line));
			}
		}
		return items;
	}

	// A comment starts at " #" outside quotes, as in YAML.
	private static String withoutComment(String raw) {
		char quote = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if ((c == '"' || c == '\'') && (i == 0 || raw.charAt(i - 1) == ' ')) {
				quote = c;
			}
			else if (c == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
				return raw.substring(0, i).strip();
			}
		}
		return raw.strip();
	}

	private static String unquote(String value) {
		String stripped = value.strip();
		if (stripped.length() >= 2 && (stripped.startsWith("\"") && stripped.endsWith("\"")
				|| stripped.startsWith("'") && stripped.endsWith("'"))) {
			return stripped.substring(1, stripped.length() - 1);
		}
		return stripped;
	}

}
