package org.safesteps.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Content packed into the jar (Maven copies content/ there), read once when scanned. */
final class ClasspathContentSource {

	private ClasspathContentSource() {
	}

	static ContentSource scan(String rootLocation) {
		String root = trimSlashes(rootLocation);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				ClasspathContentSource.class.getClassLoader());
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
				String path = relativePath(url, roots, root);
				if (path == null || isHidden(path) || files.containsKey(path)) {
					continue;
				}
				try (InputStream in = resource.getInputStream()) {
					files.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return new MemoryContentSource(files, "classpath:" + root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read content from classpath:" + root, ex);
		}
	}

	private static String relativePath(String url, List<String> roots, String root) {
		for (String rootUrl : roots) {
			String withSlash = rootUrl.endsWith("/") ? rootUrl : rootUrl + "/";
			if (url.startsWith(withSlash)) {
				return url.substring(withSlash.length());
			}
		}
		// A jar without directory entries has no root resource: cut after the jar separator instead.
		int inJar = url.lastIndexOf("!/" + root + "/");
		return inJar < 0 ? null : url.substring(inJar + root.length() + 3);
	}

	private static boolean isHidden(String path) {
		return path.startsWith(".") || path.contains("/.");
	}

	private static String trimSlashes(String location) {
		String trimmed = location.strip();
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

}
