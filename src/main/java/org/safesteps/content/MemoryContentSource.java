package org.safesteps.content;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/** Content held in memory: tests, the benchmark, and the classpath snapshot. */
record MemoryContentSource(Map<String, String> files, String describe) implements ContentSource {

	MemoryContentSource {
		files = new TreeMap<>(files);
	}

	@Override
	public List<String> paths() {
		return List.copyOf(files.keySet());
	}

	@Override
	public String read(String path) {
		return Optional.ofNullable(files.get(path)).orElseThrow(() -> new NoSuchElementException("no content file " + path));
	}

}
