package org.safesteps.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Reads YAML as SnakeYAML nodes rather than objects, so every value keeps the line it came from
 * for error messages; problems are reported against the file's path.
 */
final class YamlFile {

	// Building a Yaml costs more than composing a small file; an instance is not thread-safe, so one per thread.
	private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(() -> new Yaml(new LoaderOptions()));

	private final String path;

	private final Problems problems;

	private YamlFile(String path, Problems problems) {
		this.path = path;
		this.problems = problems;
	}

	/** The top-level mapping of a file, or empty (with a problem reported) when it is not one. */
	static Optional<Mapping> parse(String path, String text, Problems problems) {
		YamlFile file = new YamlFile(path, problems);
		Node root;
		try {
			// Nodes are never constructed into objects, so no tag can instantiate a class.
			root = YAML.get().compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 1 : ex.getProblemMark().getLine() + 1;
			problems.error(path, line, "invalid YAML: " + ex.getProblem());
			return Optional.empty();
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.error(path, 1, "expected a YAML mapping (key: value lines)");
			return Optional.empty();
		}
		return Optional.of(file.new Mapping(mapping));
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	/** A YAML mapping with typed, line-aware access; missing or mistyped values are reported. */
	final class Mapping {

		private final MappingNode node;

		private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

		Mapping(MappingNode node) {
			this.node = node;
			for (NodeTuple tuple : node.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					if (entries.containsKey(key.getValue())) {
						problems.error(path, YamlFile.line(key), "duplicate key '" + key.getValue() + "'");
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
			return YamlFile.line(node);
		}

		boolean has(String key) {
			Node value = value(key);
			return value != null && !isNull(value);
		}

		/** The line of a key, or of the mapping when the key is absent. */
		int lineOf(String key) {
			NodeTuple tuple = entries.get(key);
			return tuple == null ? line() : YamlFile.line(tuple.getKeyNode());
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
			problems.error(path, YamlFile.line(value), "'" + key + "' should be a single value");
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
				problems.error(path, lineOf(key), what + " has no '" + key + "'");
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
					texts.add(new Scalar(scalar.getValue(), YamlFile.line(scalar)));
				}
				else {
					problems.error(path, YamlFile.line(item), "each item of '" + key + "' should be a single value");
				}
			}
			return texts;
		}

		/** A single value or a list of values, as a list. */
		List<Scalar> oneOrMore(String key) {
			Node value = value(key);
			if (value instanceof ScalarNode scalar && !isNull(scalar)) {
				return List.of(new Scalar(scalar.getValue(), YamlFile.line(scalar)));
			}
			return texts(key);
		}

		/** The items of a list that are mappings; an absent key is an empty list. */
		/** A nested mapping, or null when absent; anything else is reported. */
		Mapping mapping(String key) {
			Node value = value(key);
			if (value == null || isNull(value)) {
				return null;
			}
			if (value instanceof MappingNode mapping) {
				return new Mapping(mapping);
			}
			problems.error(path, YamlFile.line(value), "'" + key + "' should be a mapping (key: value lines)");
			return null;
		}

		List<Mapping> mappings(String key) {
			List<Mapping> mappings = new ArrayList<>();
			for (Node item : items(key)) {
				if (item instanceof MappingNode mapping) {
					mappings.add(new Mapping(mapping));
				}
				else {
					problems.error(path, YamlFile.line(item), "each item of '" + key + "' should be a mapping (key: value lines)");
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
			problems.error(path, YamlFile.line(value), "'" + key + "' should be a list");
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
