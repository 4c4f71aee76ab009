package org.safesteps.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Content read from a folder, for live editing and the standalone check. */
final class DirectoryContentSource implements ContentSource {

	private final Path root;

	DirectoryContentSource(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public List<String> paths() {
		if (!Files.isDirectory(root)) {
			throw new UncheckedIOException(new IOException("content folder not found: " + root));
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.map(root::relativize)
				.filter(path -> !isHidden(path))
				.map(DirectoryContentSource::slashed)
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

	// Editors and operating systems leave .DS_Store, .swp and similar files beside content.
	private static boolean isHidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static String slashed(Path relative) {
		StringBuilder path = new StringBuilder();
		for (Path part : relative) {
			if (!path.isEmpty()) {
				path.append('/');
			}
			path.append(part);
		}
		return path.toString();
	}

}
