package org.safesteps.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import org.safesteps.content.ContentYaml.Required;

/** Flags the phrases in lint.yml (blaming, fear-based or outdated words) in text children and parents read. */
record SafeguardingLint(List<Phrase> phrases) {

	private static final String GLOSSARY = "glossary";

	SafeguardingLint {
		phrases = List.copyOf(phrases);
	}

	private record Phrase(String phrase, String why, String instead, boolean allowedInGlossary, Pattern pattern,
			Pattern glossaryEntry, String clue, String language) {

		/** Most text holds none of the phrases: a plain substring test skips the regex for it. */
		boolean mayOccurIn(String lowerCaseText) {
			return lowerCaseText.contains(clue);
		}

		String message() {
			return "avoid \"" + phrase + "\"" + (why == null ? "" : ": " + why.strip())
					+ (instead == null ? "" : " Say instead: " + instead.strip());
		}

	}

	/** {@code lint.yml}. */
	record LintFile(List<LintEntry> avoid) {
	}

	/** A phrase to avoid; {@code allow-in: glossary} lets a glossary paragraph explain it; no language is English. */
	@JsonClassDescription("lint entry")
	record LintEntry(@Required String phrase, String why, String instead, @JsonProperty("allow-in") List<String> allowIn,
			String language) {
	}

	static SafeguardingLint read(String path, String text, Problems problems) {
		List<Phrase> phrases = new ArrayList<>();
		ContentYaml.read(path, text, LintFile.class, problems).ifPresent(lint -> {
			for (int i = 0; i < lint.value().avoid().size(); i++) {
				LintEntry entry = lint.value().avoid().get(i);
				for (int j = 0; j < entry.allowIn().size(); j++) {
					if (!entry.allowIn().get(j).equals(GLOSSARY)) {
						problems.error(path, lint.line("avoid", i, "allow-in", j), "unknown allow-in '"
								+ entry.allowIn().get(j) + "' (only glossary)");
					}
				}
				String phrase = entry.phrase();
				String words = wordsPattern(phrase);
				phrases.add(new Phrase(phrase, entry.why(), entry.instead(), entry.allowIn().contains(GLOSSARY),
						Pattern.compile("(?<![\\p{L}\\p{N}])" + words + "(?![\\p{L}\\p{N}])",
								Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
						Pattern.compile("(?:\\*\\*|__)\\s*" + words + "\\W*?(?:\\*\\*|__)",
								Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), clue(phrase),
						entry.language() == null || entry.language().isBlank() ? Localized.ENGLISH : entry.language().strip()));
			}
		});
		return new SafeguardingLint(phrases);
	}

	/** The phrases for files written in one language (lint.yml entries carry {@code language}, English if absent). */
	SafeguardingLint forLanguage(String language) {
		return new SafeguardingLint(phrases.stream().filter(phrase -> phrase.language().equals(language)).toList());
	}

	static SafeguardingLint none() {
		return new SafeguardingLint(List.of());
	}

	// The longest run of letters in the phrase; every match of the phrase contains it in lower case.
	private static String clue(String phrase) {
		return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
			.max(Comparator.comparingInt(String::length))
			.orElse("");
	}

	// Words match across any whitespace (a phrase may wrap), and a straight apostrophe matches a curly one.
	static String wordsPattern(String phrase) {
		List<String> words = new ArrayList<>();
		for (String word : phrase.strip().split("\\s+")) {
			words.add(Pattern.quote(word).replace("'", "\\E['’]\\Q"));
		}
		return String.join("\\s+", words);
	}

	/** Checks a whole Markdown file, front matter included; glossary paragraphs may explain an allowed phrase. */
	void checkMarkdown(String path, String source, Document document, Problems problems) {
		check(path, () -> 1, source, document, problems);
	}

	/** Checks one YAML value that starts on the given line (looked up only when a phrase is found). */
	void checkText(String path, IntSupplier line, String text, Problems problems) {
		if (text != null) {
			check(path, line, text, null, problems);
		}
	}

	// A document's glossary paragraphs may explain a phrase allowed in the glossary.
	private void check(String path, IntSupplier line, String text, Document document, Problems problems) {
		String lowerCase = text.toLowerCase(Locale.ROOT);
		for (Phrase phrase : phrases) {
			if (phrase.mayOccurIn(lowerCase)) {
				List<int[]> allowed = document != null && phrase.allowedInGlossary ? glossaryParagraphs(document, phrase)
						: List.of();
				report(path, line, text, phrase.pattern, allowed, match -> phrase.message(), problems);
			}
		}
	}

	/** Reports every match of {@code pattern} that does not start in an allowed range, on its line. */
	static void report(String path, IntSupplier line, String text, Pattern pattern, List<int[]> allowed,
			UnaryOperator<String> message, Problems problems) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			int at = matcher.start();
			if (allowed.stream().noneMatch(range -> at >= range[0] && at < range[1])) {
				problems.error(path, line.getAsInt() + lineAt(text, at) - 1, message.apply(matcher.group()));
			}
		}
	}

	// A glossary paragraph starts with the phrase in bold ("**Sexting** is an old word for...").
	private static List<int[]> glossaryParagraphs(Document document, Phrase phrase) {
		List<int[]> ranges = new ArrayList<>();
		for (Node node : document.getDescendants()) {
			if (node instanceof Paragraph paragraph
					&& phrase.glossaryEntry.matcher(paragraph.getChars().trim()).lookingAt()) {
				ranges.add(new int[] { paragraph.getStartOffset(), paragraph.getEndOffset() });
			}
		}
		return ranges;
	}

	static int lineAt(String text, int offset) {
		return 1 + (int) text.chars().limit(offset).filter(c -> c == '\n').count();
	}

}
