package org.safesteps.content;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads content YAML, whole files and the front matter of Markdown files, into records with
 * Jackson's YAML module. Every problem binding finds is reported as {@code path:line: message}, all
 * of them at once: malformed YAML, a duplicate or unknown key, a value of the wrong type, and each
 * {@link Required} key that is missing. A file with any of these gives no record, so the readers
 * only see complete ones. Lines are looked up by path afterwards, and only when something is
 * reported. Safe: binding creates only the records asked for; a YAML tag never names a class.
 */
final class ContentYaml {

	/** A key the file must have and not leave empty; reported on the line of its mapping. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.RECORD_COMPONENT)
	@interface Required {
	}

	private static final String IN_FRONT_MATTER = " in its front matter";

	private static final String INVALID = "invalid YAML: ";

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"");

	private static final ObjectMapper MAPPER = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		// A list that is not there is empty, so readers need no null checks.
		.withConfigOverride(List.class, list -> list.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
		.build();

	private ContentYaml() {
	}

	/** A YAML file as a {@code type}, or empty when it has problems (reported). */
	static <T> Optional<Doc<T>> read(String path, String text, Class<T> type, Problems problems) {
		return read(new Reading(path, problems, text, 0, null), type);
	}

	/**
	 * The front matter of a parsed Markdown file (the YAML between its {@code ---} fences), with the
	 * lines of the Markdown file; a missing key is reported on the opening fence, and a file without
	 * front matter has none of the keys.
	 */
	static <T> Optional<Doc<T>> frontMatter(String path, Document document, Class<T> type, Problems problems) {
		if (!(document.getFirstChild() instanceof YamlFrontMatterBlock block)) {
			return read(new Reading(path, problems, "{}", 1, 1), type);
		}
		int fence = block.getStartLineNumber() + 1;
		String[] lines = block.getChars().toString().split("\\R", -1);
		String yaml = String.join("\n", Arrays.copyOfRange(lines, 1, Math.max(1, lines.length - 1)));
		return read(new Reading(path, problems, yaml.isBlank() ? "{}" : yaml, fence, fence), type);
	}

	private static <T> Optional<Doc<T>> read(Reading reading, Class<T> type) {
		T value = null;
		try {
			value = MAPPER.readerFor(type).withHandler(reading).readValue(reading.text);
		}
		catch (JacksonException ex) {
			// Malformed YAML is all that is reported; after another problem the parser may be lost.
			if (ex.getCause() instanceof MarkedYamlEngineException) {
				reading.found.clear();
			}
			if (reading.found.isEmpty()) {
				reading.error(line(ex), message(ex));
			}
		}
		if (value == null && reading.found.isEmpty()) {
			reading.error(1, "expected a YAML mapping (key: value lines)");
		}
		reading.checkRequired(value, "");
		reading.found.forEach(problem -> reading.problems.error(problem.path(), problem.line(), problem.message()));
		return reading.found.isEmpty() ? Optional.of(new Doc<>(value, reading)) : Optional.empty();
	}

	private static int line(JacksonException ex) {
		if (ex.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
			return yaml.getProblemMark().get().getLine() + 1;
		}
		return ex.getLocation() == null ? 1 : Math.max(1, ex.getLocation().getLineNr());
	}

	private static String message(JacksonException ex) {
		if (ex.getCause() instanceof MarkedYamlEngineException yaml) {
			String problem = String.valueOf(yaml.getProblem());
			return INVALID + problem
					+ (problem.startsWith("mapping values are not allowed") ? " (put a value that contains ': ' in quotes)" : "");
		}
		Matcher duplicate = DUPLICATE.matcher(ex.getOriginalMessage());
		if (duplicate.find()) {
			return "duplicate key '" + duplicate.group(1) + "'";
		}
		if (ex.getOriginalMessage().startsWith("No content")) {
			return "expected a YAML mapping (key: value lines)";
		}
		return INVALID + ex.getOriginalMessage();
	}

	/** A streaming parser over YAML text, for a check that reads every value with its line. */
	static JsonParser parser(String text) {
		return MAPPER.createParser(text);
	}

	/** A file read into a record, and where its keys and list items are. */
	record Doc<T>(T value, Reading reading) {

		/**
		 * The line of a key or list item by its path ({@code "questions", 2, "id"}; an array in it
		 * stands for its elements); when it is not there, the line of the nearest mapping or list
		 * around it; with no path, the mapping's own.
		 */
		int line(Object... at) {
			StringBuilder pointer = new StringBuilder();
			for (Object key : at) {
				for (Object part : key instanceof Object[] keys ? keys : new Object[] { key }) {
					pointer.append('/').append(part);
				}
			}
			return reading.lineAt(pointer.toString());
		}

	}

	// Where the current value is: a mapping or list belongs to the key or item that opens it.
	private static String pointer(JsonParser parser) {
		return valueContext(parser).pathAsPointer().toString();
	}

	private static TokenStreamContext valueContext(JsonParser parser) {
		TokenStreamContext context = parser.streamReadContext();
		return parser.currentToken() != null && parser.currentToken().isStructStart() ? context.getParent() : context;
	}

	/** One file being read: where to report, and the paths already reported (not also reported as missing). */
	static final class Reading extends DeserializationProblemHandler {

		private final String path;

		private final Problems problems;

		private final String text;

		private final int linesBefore;

		// The line missing keys are reported on: the opening fence of front matter; null for the first key of a file.
		private final Integer rootLine;

		private final Set<String> reported = new HashSet<>();

		private final Map<String, Integer> lines = new HashMap<>();

		// Reported when the file is read, all of them unless its YAML is malformed.
		private final List<ContentProblem> found = new ArrayList<>();

		Reading(String path, Problems problems, String text, int linesBefore, Integer rootLine) {
			this.path = path;
			this.problems = problems;
			this.text = text;
			this.linesBefore = linesBefore;
			this.rootLine = rootLine;
		}

		void error(int line, String message) {
			String where = rootLine == null ? "" : IN_FRONT_MATTER;
			found.add(ContentProblem.error(path, line + linesBefore, message.startsWith(INVALID)
					? "invalid YAML" + where + ": " + message.substring(INVALID.length()) : message + where));
		}

		// Every key's and item's line in the file (not the front matter) by its JSON pointer ("/questions/2/id"),
		// scanned once when first needed; the first token of each wins.
		Map<String, Integer> lines() {
			if (lines.isEmpty()) {
				Map<String, Integer> scanned = new HashMap<>();
				try (JsonParser parser = MAPPER.createParser(text)) {
					for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
						scanned.putIfAbsent(pointer(parser), parser.currentTokenLocation().getLineNr() + linesBefore);
					}
				}
				lines.putAll(scanned);
				if (rootLine != null) {
					lines.put("", rootLine);
				}
			}
			return lines;
		}

		// The line of a pointer; when it is not there, of the nearest mapping or list around it.
		int lineAt(String pointer) {
			for (String at = pointer; !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
				Integer line = lines().get(at);
				if (line != null) {
					return line;
				}
			}
			return lines().getOrDefault("", 1);
		}

		// Reports the value the parser is on and skips it (the rest of it, if the deserializer stepped in).
		private Object skip(JsonParser parser, String message, Class<?> type, boolean steppedIn) {
			reported.add(pointer(parser));
			error(parser.currentTokenLocation().getLineNr(), message);
			for (JsonToken token = parser.currentToken(); steppedIn && !token.isStructEnd(); token = parser.nextToken()) {
				parser.skipChildren();
			}
			parser.skipChildren();
			return type == boolean.class ? Boolean.FALSE : type == int.class ? Integer.valueOf(0) : null;
		}

		// A record's unknown keys come from a buffer after its mapping is read, the file's parser at its end.
		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object bean, String name) {
			String at = parser == context.getParser() ? pointer(parser) : pointer(context.getParser()) + "/" + name;
			reported.add(at);
			Collection<Object> known = deserializer.getKnownPropertyNames();
			error(lines().getOrDefault(at, 1) - linesBefore, "unknown key '" + name + "'" + (known == null ? ""
					: " (the keys here are " + known.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"));
			parser.skipChildren();
			return true;
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value, String failure) {
			return skip(context.getParser(), key(context.getParser()) + " should be " + kind(type) + ", not '" + value + "'", type,
					false);
		}

		@Override
		public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token,
				JsonParser parser, String failure) {
			return skip(parser, shape(parser, type.isContainerType() ? "a list" : isScalar(type.getRawClass())
					? "a single value" : "a mapping (key: value lines)"), type.getRawClass(),
					token != null && token.isStructStart() && parser.currentToken() != token);
		}

		@Override
		public Object handleMissingInstantiator(DeserializationContext context, Class<?> type, ValueInstantiator instantiator,
				JsonParser parser, String failure) {
			return skip(parser, shape(parser, "a mapping (key: value lines)"), type, false);
		}

		private static String shape(JsonParser parser, String expected) {
			String key = key(parser);
			return key == null ? "expected a YAML mapping (key: value lines)" : key + " should be " + expected;
		}

		// "'order'", "each item of 'bands'", or null for the file itself.
		private static String key(JsonParser parser) {
			TokenStreamContext context = valueContext(parser);
			boolean item = context.inArray();
			while (context != null && context.currentName() == null) {
				context = context.getParent();
			}
			if (context == null) {
				return null;
			}
			return (item ? "each item of '" : "'") + context.currentName() + "'";
		}

		private static boolean isScalar(Class<?> type) {
			return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.");
		}

		private static String kind(Class<?> type) {
			if (type == Integer.class || type == int.class) {
				return "a whole number";
			}
			if (type == Boolean.class || type == boolean.class) {
				return "true or false";
			}
			if (type == LocalDate.class) {
				return "a date (YYYY-MM-DD)";
			}
			if (type.isEnum()) {
				List<String> values = Arrays.stream(type.getEnumConstants())
					.map(value -> ((Enum<?>) value).name().toLowerCase(Locale.ROOT)).toList();
				return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
			}
			return "a single value";
		}

		// Every Required key left out, each reported on the line of its mapping ("question has no 'text'").
		void checkRequired(Object value, String at) {
			if (value instanceof List<?> list) {
				for (int i = 0; i < list.size(); i++) {
					checkRequired(list.get(i), at + "/" + i);
				}
			}
			if (value == null || !value.getClass().isRecord() || reported.contains(at)) {
				return;
			}
			JsonClassDescription noun = value.getClass().getAnnotation(JsonClassDescription.class);
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
				String key = property == null ? component.getName() : property.value();
				Object field;
				try {
					field = component.getAccessor().invoke(value);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("cannot read " + key + " of " + value.getClass(), ex);
				}
				String fieldAt = at + "/" + key;
				if (component.isAnnotationPresent(Required.class) && isMissing(field) && !reported.contains(fieldAt)) {
					error(lineAt(at) - linesBefore, (noun == null ? "entry" : noun.value()) + " has no '" + key + "'"
							+ (component.getType() == Integer.class ? " (a whole number)" : ""));
				}
				checkRequired(field, fieldAt);
			}
		}

		private static boolean isMissing(Object value) {
			return value == null || value instanceof String text && text.isBlank()
					|| value instanceof Collection<?> collection && collection.isEmpty();
		}

	}

}
