package org.safesteps.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML files and the front matter of Markdown files as SnakeYAML nodes rather than objects,
 * so every value keeps the line it came from for error messages; problems are reported against
 * the file's path.
 */
final class YamlFile {

	// Building a Yaml costs more than composing a small file; an instance is not thread-safe, so one per thread.
	private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> new Yaml(new LoaderOptions()));

	private static final String IN_FRONT_MATTER = " in its front matter";

	private final String path;

	private final Problems problems;

	// lines of the file above the YAML: front matter starts below its opening fence
	private final int linesBefore;

	// where the YAML is, for messages: "" for a YAML file, IN_FRONT_MATTER for a Markdown file
	private final String where;

	private YamlFile(String path, Problems problems, int linesBefore, String where) {
		this.path = path;
		this.problems = problems;
		this.linesBefore = linesBefore;
		this.where = where;
	}

	/** The top-level mapping of a file, or empty (with a problem reported) when it is not one. */
	static Optional<Mapping> parse(String path, String text, Problems problems) {
		YamlFile file = new YamlFile(path, problems, 0, "");
		return file.compose(text).map(node -> file.new Mapping(node));
	}

	/**
	 * The front matter of a parsed Markdown file (the YAML between its {@code ---} fences): a key that
	 * is not there is reported on the opening fence; with no front matter, or an invalid one
	 * (reported), every key is absent.
	 */
	static Mapping frontMatter(String path, Document document, Problems problems) {
		if (!(document.getFirstChild() instanceof YamlFrontMatterBlock block)) {
			return new YamlFile(path, problems, 0, IN_FRONT_MATTER).empty(1);
		}
		int fence = block.getStartLineNumber() + 1;
		String[] lines = block.getChars().toString().split("\\R", -1);
		YamlFile file = new YamlFile(path, problems, fence, IN_FRONT_MATTER);
		String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, Math.max(1, lines.length - 1)));
		return file.compose(yaml).map(node -> file.new Mapping(node, fence)).orElseGet(() -> file.empty(fence));
	}

	// The root mapping node, or empty with the problem reported; empty front matter is an empty mapping.
	private Optional<MappingNode> compose(String text) {
		Node root;
		try {
			// Nodes are never constructed into objects, so no tag can instantiate a class.
			root = YAML.get().compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 1 : ex.getProblemMark().getLine() + 1;
			String hint = String.valueOf(ex.getProblem()).startsWith("mapping values are not allowed")
					? " (put a value that contains ': ' in quotes)" : "";
			problems.error(path, line + linesBefore, "invalid YAML" + where + ": " + ex.getProblem() + hint);
			return Optional.empty();
		}
		if (root == null && !where.isEmpty()) {
			return Optional.of(new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK));
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.error(path, 1 + linesBefore, "expected a YAML mapping (key: value lines)" + where);
			return Optional.empty();
		}
		return Optional.of(mapping);
	}

	private Mapping empty(int line) {
		return new Mapping(new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK), line);
	}

	/** The line of a node of a YAML file (not of front matter: see {@link Mapping#lineOf(Node)}). */
	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	/** A YAML mapping with typed, line-aware access; missing or mistyped values are reported. */
	final class Mapping {

		private final MappingNode node;

		private final int line;

		private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

		Mapping(MappingNode node) {
			this(node, node.getStartMark().getLine() + 1 + linesBefore);
		}

		Mapping(MappingNode node, int line) {
			this.node = node;
			this.line = line;
			for (NodeTuple tuple : node.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					if (entries.containsKey(key.getValue())) {
						problems.error(path, lineOf(key), "duplicate key '" + key.getValue() + "'" + where);
					}
					else {
						entries.put(key.getValue(), tuple);
					}
				}
			}
		}

		String path() {
			return path;
		}

		Problems problems() {
			return problems;
		}

		int line() {
			return line;
		}

		/** The line of a node of this mapping in the file. */
		int lineOf(Node value) {
			return value.getStartMark().getLine() + 1 + linesBefore;
		}

		boolean has(String key) {
			Node value = value(key);
			return value != null && !isNull(value);
		}

		/** The line of a key, or of the mapping when the key is absent. */
		int lineOf(String key) {
			NodeTuple tuple = entries.get(key);
			return tuple == null ? line() : lineOf(tuple.getKeyNode());
		}

		Node value(String key) {
			NodeTuple tuple = entries.get(key);
			return tuple == null ? null : tuple.getValueNode();
		}

		/** A text value, or null when absent. */
		String text(String key) {
			Node value = value(key);
			if (value == null || isNull(value)) {
				return null;
			}
			if (value instanceof ScalarNode scalar) {
				return scalar.getValue();
			}
			problems.error(path, lineOf(value), "'" + key + "' should be a single value");
			return null;
		}

		/** A text value that must be there and not blank. */
		String requiredText(String key, String what) {
			Node value = value(key);
			if (value != null && !isNull(value) && !(value instanceof ScalarNode)) {
				return text(key);
			}
			String text = text(key);
			if (text == null || text.isBlank()) {
				problems.error(path, lineOf(key), what + " has no '" + key + "'" + where);
				return null;
			}
			return text.strip();
		}

		Integer integer(String key, String what) {
			String text = text(key);
			if (text == null) {
				problems.error(path, lineOf(key), what + " has no '" + key + "' (a whole number)");
				return null;
			}
			try {
				return Integer.valueOf(text.strip());
			}
			catch (NumberFormatException ex) {
				problems.error(path, lineOf(key), "'" + key + "' should be a whole number, not '" + text + "'");
				return null;
			}
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

		/** The items of a list, each a scalar; an absent key is an empty list. */
		List<Scalar> texts(String key) {
			List<Scalar> texts = new ArrayList<>();
			for (Node item : items(key)) {
				if (item instanceof ScalarNode scalar && !isNull(scalar)) {
					texts.add(new Scalar(scalar.getValue(), lineOf(scalar)));
				}
				else {
					problems.error(path, lineOf(item), "each item of '" + key + "' should be a single value");
				}
			}
			return texts;
		}

		/** A single value or a list of values, as a list. */
		List<Scalar> oneOrMore(String key) {
			Node value = value(key);
			if (value instanceof ScalarNode scalar && !isNull(scalar)) {
				return List.of(new Scalar(scalar.getValue(), lineOf(scalar)));
			}
			return texts(key);
		}

		/** A nested mapping, or null when absent; anything else is reported. */
		Mapping mapping(String key) {
			Node value = value(key);
			if (value == null || isNull(value)) {
				return null;
			}
			if (value instanceof MappingNode mapping) {
				return new Mapping(mapping);
			}
			problems.error(path, lineOf(value), "'" + key + "' should be a mapping (key: value lines)");
			return null;
		}

		/** The items of a list that are mappings; an absent key is an empty list. */
		List<Mapping> mappings(String key) {
			List<Mapping> mappings = new ArrayList<>();
			for (Node item : items(key)) {
				if (item instanceof MappingNode mapping) {
					mappings.add(new Mapping(mapping));
				}
				else {
					problems.error(path, lineOf(item), "each item of '" + key + "' should be a mapping (key: value lines)");
				}
			}
			return mappings;
		}

		private List<Node> items(String key) {
			Node value = value(key);
			if (value == null || isNull(value)) {
				return List.of();
			}
			if (value instanceof SequenceNode sequence) {
				return sequence.getValue();
			}
			problems.error(path, lineOf(value), "'" + key + "' should be a list");
			return List.of();
		}

	}

	/** A single YAML value with its line. */
	record Scalar(String value, int line) {
	}

	private static boolean isNull(Node node) {
		return Tag.NULL.equals(node.getTag());
	}

}
