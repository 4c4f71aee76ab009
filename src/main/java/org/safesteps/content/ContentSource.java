package org.safesteps.content;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Where content files come from: a folder, the classpath (inside the jar), or memory (tests). Every
 * file is read once, relative to the content root, '/'-separated, in path order; hidden files are skipped.
 */
public final class ContentSource {

	private final String description;

	private final Supplier<Map<String, String>> reader;

	private Map<String, String> files;

	private ContentSource(String description, Supplier<Map<String, String>> reader) {
		this.description = description;
		this.reader = reader;
	}

	/** Every file, relative to the content root, '/'-separated, sorted, e.g. {@code modules/sextortion/ages-11-13.md}. */
	public List<String> paths() {
		return List.copyOf(files().keySet());
	}

	/** The UTF-8 text of one file from {@link #paths()}. */
	public String read(String path) {
		return Optional.ofNullable(files().get(path)).orElseThrow(() -> new NoSuchElementException("no content file " + path));
	}

	/** Where the content comes from, for log lines and the check report. */
	public String describe() {
		return description;
	}

	// A folder is read when first asked for, so the check reports one that is not there as a problem of the load.
	private synchronized Map<String, String> files() {
		if (files == null) {
			files = new TreeMap<>(reader.get());
		}
		return files;
	}

	/** Files under a folder, for live editing and the standalone check. */
	public static ContentSource directory(Path root) {
		Path absolute = root.toAbsolutePath().normalize();
		return new ContentSource(absolute.toString(), () -> walk(absolute));
	}

	/**
	 * Files under a classpath location such as {@code content} (Maven copies content/ into the jar),
	 * found with {@code classpath*:content/**} so it works from a Spring Boot jar; read once, now.
	 */
	public static ContentSource classpath(String rootLocation) {
		return classpath(rootLocation, ContentSource.class.getClassLoader());
	}

	/** Files held in memory, path to text. */
	public static ContentSource of(Map<String, String> files, String description) {
		Map<String, String> copy = new TreeMap<>(files);
		return new ContentSource(description, () -> copy);
	}

	private static Map<String, String> walk(Path root) {
		if (!Files.isDirectory(root)) {
			throw new UncheckedIOException(new IOException("content folder not found: " + root));
		}
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(root)) {
			List<String> paths = walk.filter(Files::isRegularFile)
				.map(file -> root.relativize(file).toString().replace(File.separatorChar, '/'))
				// Editors and operating systems leave .DS_Store, .swp and similar files beside content.
				.filter(path -> !isHidden(path))
				.sorted()
				.toList();
			for (String path : paths) {
				files.put(path, Files.readString(root.resolve(path), StandardCharsets.UTF_8));
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Like every classpath*: pattern it needs directory entries in jars, which Maven and Spring Boot write.
	static ContentSource classpath(String rootLocation, ClassLoader classLoader) {
		String root = rootLocation.strip().replaceAll("^/+|/+$", "");
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		try {
			List<String> roots = new ArrayList<>();
			for (Resource rootResource : resolver.getResources("classpath*:" + root + "/")) {
				roots.add(rootResource.getURL().toString());
			}
			// The first classpath entry wins when two hold the same file, as for any classpath resource.
			Map<String, String> files = new LinkedHashMap<>();
			for (Resource resource : resolver.getResources("classpath*:" + root + "/**")) {
				String url = resource.getURL().toString();
				if (url.endsWith("/") || !resource.isReadable()) {
					continue;
				}
				String path = relativePath(url, roots);
				if (path != null && !isHidden(path) && !files.containsKey(path)) {
					files.put(path, resource.getContentAsString(StandardCharsets.UTF_8));
				}
			}
			return of(files, "classpath:" + root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read content from classpath:" + root, ex);
		}
	}

	// Spring builds each match from its root's URL, so cutting the root off gives the relative path.
	private static String relativePath(String url, List<String> roots) {
		for (String rootUrl : roots) {
			String withSlash = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
			if (url.startsWith(withSlash)) {
				return url.substring(withSlash.length());
			}
		}
		return null;
	}

	private static boolean isHidden(String path) {
		return path.startsWith(".") || path.contains("/.");
	}

}
