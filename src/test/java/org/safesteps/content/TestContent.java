package org.safesteps.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory content tree for tests: starts from the valid fixture under
 * {@code content-fixtures/valid} and lets a test add, replace or remove files.
 */
public final class TestContent {

	/** The date every test loads on: help services in the fixture were checked within the year before it. */
	public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final ContentSource VALID = ContentSource.classpath("content-fixtures/valid");

	private final Map<String, String> files;

	private TestContent(Map<String, String> files) {
		this.files = new TreeMap<>(files);
	}

	/** The valid fixture tree: two modules, one guidance page, GB and INTL help. */
	public static TestContent valid() {
		Map<String, String> files = new TreeMap<>();
		for (String path : VALID.paths()) {
			files.put(path, VALID.read(path));
		}
		return new TestContent(files);
	}

	public TestContent with(String path, String text) {
		files.put(path, text);
		return this;
	}

	public TestContent without(String path) {
		assertThat(files).as("fixture file").containsKey(path);
		files.remove(path);
		return this;
	}

	/** Replaces text that must be present once in the file, so a fixture change cannot silently void a test. */
	public TestContent replace(String path, String from, String to) {
		String text = files.get(path);
		assertThat(text).as(path).contains(from);
		files.put(path, text.replace(from, to));
		return this;
	}

	public String text(String path) {
		return files.get(path);
	}

	public ContentSource source() {
		return ContentSource.of(files, "test content");
	}

	public LoadResult load() {
		return new CurriculumLoader().load(source(), TODAY);
	}

	/** Every problem as printed: {@code path:line: message}. */
	public List<String> problems() {
		return load().problems().stream().map(ContentProblem::toString).toList();
	}

	public Curriculum curriculum() {
		LoadResult result = load();
		assertThat(result.problems()).as("problems").isEmpty();
		return result.curriculum();
	}

}
