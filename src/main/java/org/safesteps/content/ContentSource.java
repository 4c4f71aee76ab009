package org.safesteps.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where content files come from: a folder, the classpath (inside the jar), or memory (tests). */
public interface ContentSource {

	/** Every file, relative to the content root, '/'-separated, sorted, e.g. {@code modules/sextortion/ages-11-13.md}. */
	List<String> paths();

	/** The UTF-8 text of one file from {@link #paths()}. */
	String read(String path);

	/** Where the content comes from, for log lines and the check report. */
	String describe();

	/** Files under a folder, read when asked for; hidden files are skipped. */
	static ContentSource directory(Path root) {
		return new DirectoryContentSource(root);
	}

	/**
	 * Files under a classpath location such as {@code content}, found with
	 * {@code classpath*:content/**} so it works from a Spring Boot jar; read once, now.
	 */
	static ContentSource classpath(String rootLocation) {
		return ClasspathContentSource.scan(rootLocation);
	}

	/** Files held in memory, path to text. */
	static ContentSource of(Map<String, String> files, String description) {
		return new MemoryContentSource(files, description);
	}

}
