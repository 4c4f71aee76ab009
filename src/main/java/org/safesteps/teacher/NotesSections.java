package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safesteps.content.Band;

/**
 * A module's teacher notes cut into the parts a presenter needs beside each step. The notes are
 * HTML rendered once by the content loader with a generated id on every heading, and every
 * teacher.md uses the same {@code ##} headings (objectives, ground rules, introducing the topic,
 * discussion questions, if a child discloses), so the parts are found by those ids.
 */
record NotesSections(Map<String, String> sections) {

	static final String OBJECTIVES = "objectives";

	static final String GROUND_RULES = "ground-rules";

	static final String INTRODUCING = "introducing-the-topic";

	static final String DISCUSSION = "discussion-questions";

	static final String DISCLOSURE = "if-a-child-discloses";

	private static final Pattern H2 = Pattern.compile("<h2 id=\"([^\"]+)\">.*?</h2>", Pattern.DOTALL);

	private static final Pattern H3 = Pattern.compile("<h3 id=\"([^\"]+)\">.*?</h3>", Pattern.DOTALL);

	private static final Pattern TALK = Pattern.compile("<aside class=\"callout callout-talk\".*?</aside>",
			Pattern.DOTALL);

	NotesSections {
		sections = Map.copyOf(sections);
	}

	/** Splits the notes at each {@code h2}: heading id to the HTML under it (heading left out). */
	static NotesSections of(String html) {
		Map<String, String> found = new LinkedHashMap<>();
		for (Part part : split(H2, html)) {
			found.put(part.id(), part.html().strip());
		}
		return new NotesSections(found);
	}

	/** The HTML of one section, or empty text when this module's notes have none. */
	String section(String id) {
		return this.sections.getOrDefault(id, "");
	}

	/** The discussion questions for one band (the {@code ###} part named after it), or all of them. */
	String discussion(Band band) {
		String all = section(DISCUSSION);
		for (Part part : split(H3, all)) {
			if (part.id().equals(band.id())) {
				return part.html().strip();
			}
		}
		return all;
	}

	/** The "talk about it" callouts of a step's HTML, in order. */
	static List<String> talkPrompts(String stepHtml) {
		List<String> prompts = new ArrayList<>();
		Matcher matcher = TALK.matcher(stepHtml);
		while (matcher.find()) {
			prompts.add(matcher.group());
		}
		return List.copyOf(prompts);
	}

	private static List<Part> split(Pattern heading, String html) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = heading.matcher(html);
		String id = null;
		int start = 0;
		while (matcher.find()) {
			if (id != null) {
				parts.add(new Part(id, html.substring(start, matcher.start())));
			}
			id = matcher.group(1);
			start = matcher.end();
		}
		if (id != null) {
			parts.add(new Part(id, html.substring(start)));
		}
		return parts;
	}

	private record Part(String id, String html) {
	}

}
