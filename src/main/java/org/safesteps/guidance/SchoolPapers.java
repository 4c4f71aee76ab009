package org.safesteps.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import org.safesteps.content.MarkdownPage;

/**
 * The papers a school files (the DPIA, the retention schedule, the accessibility conformance
 * report), read from the copies of docs/ that the build puts in the jar and rendered once: the same
 * files the repository shows, so the pages and the documents cannot drift apart.
 */
@Component
class SchoolPapers {

	/** Paper id in the URL, and its file under docs/. */
	static final Map<String, String> FILES = Map.of("dpia", "docs/privacy/dpia.md", "retention",
			"docs/privacy/retention.md", "accessibility", "docs/accessibility-conformance-report.md");

	/**
	 * The papers link to each other by file name (right on GitHub); in the app the same links go to
	 * the pages. Other relative links would lead nowhere in the app, so the papers use none.
	 */
	private static final Map<String, String> LINKS = Map.of("href=\"retention.md\"", "href=\"/papers/retention\"",
			"href=\"dpia.md\"", "href=\"/papers/dpia\"", "href=\"privacy/dpia.md\"", "href=\"/papers/dpia\"",
			"href=\"privacy/retention.md\"", "href=\"/papers/retention\"");

	private final Map<String, Paper> papers = new LinkedHashMap<>();

	SchoolPapers() {
		FILES.forEach((id, file) -> this.papers.put(id, Paper.of(read(file))));
	}

	Optional<Paper> paper(String id) {
		return Optional.ofNullable(this.papers.get(id));
	}

	private static String read(String file) {
		try (InputStream in = new ClassPathResource(file).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The build puts " + file + " in the jar; it is missing", ex);
		}
	}

	/**
	 * A rendered paper.
	 *
	 * @param title the text of its first heading (the page title)
	 * @param html the whole document, its first heading being the page's one {@code h1}
	 */
	record Paper(String title, String html) {

		static Paper of(String markdown) {
			String title = markdown.lines()
				.filter((line) -> line.startsWith("# "))
				.findFirst()
				.map((line) -> line.substring(2).strip())
				.orElseThrow(() -> new IllegalStateException("A paper starts with a '# ' heading"));
			String html = MarkdownPage.toHtml(markdown);
			for (Map.Entry<String, String> link : LINKS.entrySet()) {
				html = html.replace(link.getKey(), link.getValue());
			}
			return new Paper(title, html);
		}

	}

}
