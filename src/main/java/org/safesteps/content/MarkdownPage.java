package org.safesteps.content;

/**
 * A Markdown document outside the curriculum (the papers a school files, in docs/) rendered with
 * the same parser and renderer as lessons: tables, heading ids, raw HTML escaped, other sites'
 * links opening apart.
 */
public final class MarkdownPage {

	private MarkdownPage() {
	}

	public static String toHtml(String markdown) {
		return Markdown.render(Markdown.parse(markdown));
	}

}
