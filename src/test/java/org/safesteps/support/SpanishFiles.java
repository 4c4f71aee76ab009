package org.safesteps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

import org.safesteps.content.Band;

/**
 * The Spanish a page must show, read from the {@code .es} files of content/ themselves (not from
 * the app, whose reading of them is what the tests check): a lesson's title and step headings, a
 * quiz's questions, a module's or a guide's title.
 */
public final class SpanishFiles {

	public static final Path CONTENT = Path.of("content");

	// "## Tus adultos de confianza {#your-adults}": a step heading and its id.
	private static final Pattern STEP = Pattern.compile("^## (.+?)\\s*\\{#[a-z0-9-]+\\}\\s*$", Pattern.MULTILINE);

	private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);

	private SpanishFiles() {
	}

	/** A Spanish lesson as its file has it: the title and the step headings, in order. */
	public record Lesson(String title, List<String> steps) {
	}

	/** The module's Spanish lesson for the band, if its file is written. */
	public static Optional<Lesson> lesson(String moduleId, Band band) {
		Path file = CONTENT.resolve("modules").resolve(moduleId).resolve(band.id() + ".es.md");
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		String markdown = read(file);
		List<String> steps = STEP.matcher(markdown).results().map((step) -> step.group(1)).toList();
		return Optional.of(new Lesson((String) frontMatter(markdown).get("title"), steps));
	}

	public static Path quizFile(String moduleId, Band band) {
		return CONTENT.resolve("modules").resolve(moduleId).resolve(band.id() + ".quiz.es.yml");
	}

	/** The questions of the module's Spanish quiz for the band, in the file's order. */
	@SuppressWarnings("unchecked")
	public static List<String> quizQuestions(String moduleId, Band band) {
		Map<String, Object> quiz = new Yaml().load(read(quizFile(moduleId, band)));
		return ((List<Map<String, Object>>) quiz.get("questions")).stream().map((q) -> (String) q.get("text")).toList();
	}

	/** The module's module.es.yml, if written. */
	public static Optional<Map<String, Object>> module(String moduleId) {
		Path file = CONTENT.resolve("modules").resolve(moduleId).resolve("module.es.yml");
		return Files.exists(file) ? Optional.of(new Yaml().load(read(file))) : Optional.empty();
	}

	/** The parent guide's Spanish file (it may not exist). */
	public static Path guide(String guideId) {
		return CONTENT.resolve("guidance").resolve(guideId + ".es.md");
	}

	public static Map<String, Object> frontMatter(String markdown) {
		Matcher matcher = FRONT_MATTER.matcher(markdown);
		if (!matcher.find()) {
			throw new IllegalStateException("no front matter");
		}
		return new Yaml().load(matcher.group(1));
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
