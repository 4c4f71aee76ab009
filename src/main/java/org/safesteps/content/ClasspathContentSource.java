package org.safesteps.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Content packed into the jar (Maven copies content/ there), read once when scanned. Like every
 * {@code classpath*:} pattern it needs directory entries in jars, which Maven and Spring Boot write.
 */
final class ClasspathContentSource {

	private ClasspathContentSource() {
	}

	static ContentSource scan(String rootLocation) {
		return scan(rootLocation, ClasspathContentSource.class.getClassLoader());
	}

	static ContentSource scan(String rootLocation, ClassLoader classLoader) {
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
			return new MemoryContentSource(files, "classpath:" + root);
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
