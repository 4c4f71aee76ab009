package org.safesteps.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the steps of one load share: every problem found so far, the lint and callout labels read
 * first, and what the steps collect on the way (readability, links checked once every page is read,
 * framework coverage and confidence checks).
 */
final class LoadContext {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final Set<String> TOPICS = Set.of("relationships", "images", "privacy", "friends");

	final Problems problems = new Problems();

	final List<ReadabilityScore> readability = new ArrayList<>();

	final List<String> notMeasured = new ArrayList<>();

	final List<MarkdownFile.LinkUse> links = new ArrayList<>();

	final EvidenceReader evidence = new EvidenceReader(problems);

	// module id to band to the framework statements its lesson covers
	final Map<String, Map<Band, List<String>>> coverage = new TreeMap<>();

	// Every phrase of lint.yml; lint holds the English ones, which English files are checked against.
	private SafeguardingLint allLint = SafeguardingLint.none();

	private SafeguardingLint lint = SafeguardingLint.none();

	private Map<String, CalloutLabels> labels = Map.of(Localized.ENGLISH, CalloutLabels.ENGLISH);

	private final Set<String> reportedMissingLabels = new HashSet<>();

	// Null while there is no help directory with an INTL entry to fill help boxes from: then nothing is served.
	private HelpBoxes helpBoxes;

	void useLint(SafeguardingLint all) {
		allLint = all;
		lint = all.forLanguage(Localized.ENGLISH);
	}

	void useLabels(Map<String, CalloutLabels> read) {
		labels = read;
	}

	void useHelp(HelpDirectory help) {
		helpBoxes = help != null && help.has(HelpDirectory.INTERNATIONAL) ? new HelpBoxes(help) : null;
	}

	/** The HTML of a page with its help boxes filled in for every country, in the words of {@code labels}. */
	Html render(String html, Audience audience, CalloutLabels labels) {
		return helpBoxes == null ? Html.of(html) : helpBoxes.render(html, audience, labels);
	}

	SafeguardingLint lintFor(String language) {
		return Localized.ENGLISH.equals(language) ? lint : allLint.forLanguage(language);
	}

	/** The callout labels a file in {@code language} is parsed with; a language without any is reported once. */
	CalloutLabels labelsFor(String path, String language) {
		CalloutLabels found = labels.get(language);
		if (found == null) {
			if (reportedMissingLabels.add(language)) {
				problems.warning(path, 1, "no callout labels for '" + language + "' in " + ContentFiles.LABELS
						+ ": help boxes in this language are labelled in English");
			}
			return CalloutLabels.ENGLISH;
		}
		return found;
	}

	/** The labels help boxes are rendered with, English when the language has none. */
	CalloutLabels renderingLabels(String language) {
		return labels.getOrDefault(language, CalloutLabels.ENGLISH);
	}

	// English is the plain file; a translation into English would shadow it.
	boolean checkLanguage(String path, String language) {
		if (Localized.ENGLISH.equals(language)) {
			problems.error(path, 1, "English is the file without a language: remove '." + language + "' from the name");
			return false;
		}
		return true;
	}

	/** Whether an id is lowercase letters, digits and dashes; reported when it is not. */
	static boolean checkId(Problems problems, String path, int line, String what, String id) {
		if (!ID.matcher(id).matches()) {
			problems.error(path, line, what + " id '" + id + "' should be lowercase letters, digits and dashes");
			return false;
		}
		return true;
	}

	/** The band with this id; an unknown one is reported. */
	static Band band(Problems problems, String path, int line, String id) {
		Band band = Band.fromId(id).orElse(null);
		if (band == null) {
			problems.error(path, line, "unknown band '" + id + "' (" + Band.ids() + ")");
		}
		return band;
	}

	Band bandOf(String path, String bandId) {
		Band band = Band.fromId(bandId).orElse(null);
		if (band == null) {
			problems.error(path, 1, "unknown band '" + bandId + "' in the file name (" + Band.ids() + ")");
		}
		return band;
	}

	void checkTopic(String path, int line, String topic) {
		if (topic != null && !TOPICS.contains(topic)) {
			problems.warning(path, line, "unknown topic '" + topic + "' (relationships, images, privacy or friends)");
		}
	}

}
