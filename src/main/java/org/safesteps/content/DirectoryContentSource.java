package org.safesteps.content;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Content read from a folder, for live editing and the standalone check. */
record DirectoryContentSource(Path root) implements ContentSource {

	DirectoryContentSource {
		root = root.toAbsolutePath().normalize();
	}

	@Override
	public List<String> paths() {
		if (!Files.isDirectory(root)) {
			throw new UncheckedIOException(new IOException("content folder not found: " + root));
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.map(file -> root.relativize(file).toString().replace(File.separatorChar, '/'))
				// Editors and operating systems leave .DS_Store, .swp and similar files beside content.
				.filter(path -> !path.startsWith(".") && !path.contains("/."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String read(String path) {
		try {
			return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String describe() {
		return root.toString();
	}

}
