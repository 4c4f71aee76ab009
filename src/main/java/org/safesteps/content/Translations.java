package org.safesteps.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The rules a translated file follows beside its English original: its name, its
 * {@code translated-from} hash, the same step ids, and for a quiz the same question and option ids,
 * types and correct answers (reports add up answers across languages by id).
 */
final class Translations {

	static final String TRANSLATED_FROM = "translated-from";

	// "ages-11-13.es.md", "teacher.es.md", "ages-11-13.quiz.es.yml", "ages-11-13.check.es.yml", "module.es.yml".
	private static final Pattern NAME = Pattern.compile("([a-z0-9-]+)(\\.quiz|\\.check)?\\.([a-z]{2,3})\\.(md|yml)");

	/** The kind of {@code module.<language>.yml}. */
	static final String MODULE = ".yml";

	// What a complete language translates: guidance pages; module.yml, teacher notes and each band's files.
	private static final Pattern TRANSLATABLE = Pattern.compile("guidance/[^/.]*\\.md|modules/[^/]+/(?:module\\.yml|teacher\\.md|(?:"
			+ String.join("|", Arrays.stream(Band.values()).map(Band::id).toList()) + ")(?:\\.md|\\.quiz\\.yml|\\.check\\.yml))");

	private static final Set<String> KINDS = Set.of(".md", ".quiz.yml", ".check.yml", MODULE);

	// A rendered ## or ### heading of teacher notes; content HTML is escaped, so text cannot forge one.
	private static final Pattern SECTION = Pattern.compile("<h([23]) id=\"([^\"]*)\">");

	/** The languages every content file is translated into: a file without its translation is listed as missing. */
	static final List<String> COMPLETE_LANGUAGES = List.of("es");

	// A lesson of a sensitive module says "not your fault" in its own language.
	private static final Map<String, Pattern> NOT_YOUR_FAULT = Map.of(
			Localized.ENGLISH, Pattern.compile("not\\s+your\\s+fault", Pattern.CASE_INSENSITIVE),
			"es", Pattern.compile("no\\s+(es\\s+tu\\s+culpa|es\\s+culpa\\s+tuya|tienes\\s+(la\\s+)?culpa)",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

	private Translations() {
	}

	/** The record of a file that may be a translation: the hash of the English file it was translated from. */
	interface Translated {

		String translatedFrom();

	}

	/**
	 * A translated file's name: what it translates ({@code ages-11-13}, {@code teacher}, {@code module}),
	 * its kind ({@code .md}, {@code .quiz.yml}, {@code .check.yml}, or {@link #MODULE}) and language.
	 */
	record Name(String base, String kind, String language) {

		/** The English file's name. */
		String english() {
			return base + kind;
		}

	}

	/** The name of a translated file, or empty for an English file or one of no known kind. */
	static Optional<Name> name(String fileName) {
		Matcher matcher = NAME.matcher(fileName);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String kind = (matcher.group(2) == null ? "" : matcher.group(2)) + "." + matcher.group(4);
		boolean known = KINDS.contains(kind) && (!kind.equals(MODULE) || matcher.group(1).equals("module"));
		return known ? Optional.of(new Name(matcher.group(1), kind, matcher.group(3))) : Optional.empty();
	}

	/** {@code <base>.<language>.md}, or empty. */
	static Optional<Name> markdown(String fileName) {
		return name(fileName).filter(name -> name.kind().equals(".md"));
	}

	/** Whether {@code text} carries the "not your fault" message, or null when no pattern is known for the language. */
	static Boolean saysNotYourFault(String language, String text) {
		Pattern pattern = NOT_YOUR_FAULT.get(language);
		return pattern == null ? null : pattern.matcher(text).find();
	}

	/**
	 * Reports a missing {@code translated-from} (an error: nobody could tell when the translation
	 * goes out of date) and one that does not match the English file as it is now (a warning).
	 */
	static void checkHash(String path, ContentYaml.Doc<? extends Translated> file, String englishPath, String englishText,
			Problems problems) {
		String current = ContentHash.of(englishText);
		String recorded = file.value().translatedFrom();
		if (recorded == null || recorded.isBlank()) {
			problems.error(path, file.line(TRANSLATED_FROM), "translation has no '" + TRANSLATED_FROM + "': add the hash of " + englishPath
					+ " it was translated from (sha256sum " + englishPath + " | cut -c1-16, now " + current + ")");
		}
		else if (!recorded.strip().equalsIgnoreCase(current)) {
			problems.warning(path, file.line(TRANSLATED_FROM), "out of date: translated from " + recorded.strip() + " but " + englishPath
					+ " is now " + current + "; update the translation, then its " + TRANSLATED_FROM);
		}
	}

	/** The translation's steps have the English step ids, in the same order. */
	static void checkSteps(String path, List<Step> english, List<MarkdownFile.StepDraft> translated, String englishPath,
			Problems problems) {
		List<String> englishIds = english.stream().map(Step::id).toList();
		List<String> translatedIds = translated.stream().map(MarkdownFile.StepDraft::id).toList();
		int differs = Arrays.mismatch(translatedIds.toArray(), englishIds.toArray());
		if (differs < 0) {
			return;
		}
		problems.error(path, differs < translated.size() ? translated.get(differs).line() : 1, "step ids " + translatedIds + " differ from " + englishPath + " " + englishIds
				+ ": keep each {#id} of the English steps, in the same order");
	}

	/**
	 * The translated quiz asks the same questions (ids and types) with the same options (ids, and
	 * which are correct; for {@code order} the same items in the same order) as the English quiz.
	 */
	static void checkQuiz(String path, QuizReader.Read read, Quiz english, String englishPath, Problems problems) {
		Quiz translated = read.quiz();
		List<QuizReader.QuestionEntry> entries = read.file().value().questions();
		// A question's line, looked up only for a problem (the translation's first question with the id).
		ToIntFunction<String> lineOf = id -> IntStream.range(0, entries.size()).filter(i -> entries.get(i).id().equals(id))
			.map(i -> read.file().line("questions", i, "id")).findFirst().orElse(1);
		for (Question question : english.questions()) {
			if (translated.question(question.id()).isEmpty()) {
				problems.error(path, 1, "question '" + question.id() + "' of " + englishPath + " is missing");
			}
		}
		for (Question question : translated.questions()) {
			Question original = english.question(question.id()).orElse(null);
			if (original == null) {
				problems.error(path, lineOf.applyAsInt(question.id()), "question '" + question.id() + "' is not in " + englishPath
						+ ": a translated quiz keeps the English question ids");
				continue;
			}
			if (original.type() != question.type()) {
				problems.error(path, lineOf.applyAsInt(question.id()), "question '" + question.id() + "' is " + question.type().id() + " here but "
						+ original.type().id() + " in " + englishPath);
				continue;
			}
			List<String> ids = question.options().stream().map(Option::id).toList();
			List<String> originalIds = original.options().stream().map(Option::id).toList();
			boolean same = question.type() == QuestionType.ORDER ? ids.equals(originalIds)
					: Set.copyOf(ids).equals(Set.copyOf(originalIds)) && ids.size() == originalIds.size();
			if (!same) {
				problems.error(path, lineOf.applyAsInt(question.id()), "options of question '" + question.id() + "' " + ids + " differ from "
						+ englishPath + " " + originalIds + (question.type() == QuestionType.ORDER
								? ": keep the item ids in the same (correct) order" : ": keep the English option ids"));
				continue;
			}
			List<String> correctHere = correctIds(question);
			List<String> correctThere = correctIds(original);
			if (!Set.copyOf(correctHere).equals(Set.copyOf(correctThere))) {
				problems.error(path, lineOf.applyAsInt(question.id()), "question '" + question.id() + "' marks " + correctHere + " correct but "
						+ englishPath + " marks " + correctThere + ": the correct answers must not change in translation");
			}
		}
	}

	private static List<String> correctIds(Question question) {
		return question.options().stream().filter(Option::correct).map(Option::id).toList();
	}

	/**
	 * The translations of {@link #COMPLETE_LANGUAGES} that are not there: for every module.yml,
	 * teacher.md, lesson, quiz and confidence check of a module and every guidance page, the path its
	 * translation would have ({@code modules/x/ages-5-7.quiz.es.yml}), sorted.
	 */
	static List<String> missing(Set<String> paths) {
		return paths.stream().sorted().filter(path -> TRANSLATABLE.matcher(path).matches())
			.flatMap(path -> COMPLETE_LANGUAGES.stream().map(language -> translatedPath(path, language)))
			.filter(translation -> !paths.contains(translation))
			.toList();
	}

	// "modules/x/ages-5-7.quiz.yml" in Spanish is "modules/x/ages-5-7.quiz.es.yml".
	private static String translatedPath(String path, String language) {
		int dot = path.lastIndexOf('.');
		return path.substring(0, dot) + "." + language + path.substring(dot);
	}

	/**
	 * Translated teacher notes keep the English {@code ##} and {@code ###} headings in the same order
	 * (the presenter notes and the discussion questions per band are found by heading id): returns the
	 * translation's HTML with each heading given the id of the English heading in its place, or null
	 * with an error when the headings differ.
	 */
	static String teacherNotes(String path, MarkdownFile translated, String englishHtml, String englishPath,
			Problems problems) {
		String html = translated.html();
		List<Section> english = sections(englishHtml);
		List<Section> here = sections(html);
		List<Heading> headings = new ArrayList<>();
		for (Node node : translated.document().getDescendants()) {
			if (node instanceof Heading heading && (heading.getLevel() == 2 || heading.getLevel() == 3)) {
				headings.add(heading);
			}
		}
		int differs = Arrays.mismatch(english.stream().map(Section::level).toArray(),
				here.stream().map(Section::level).toArray());
		if (differs >= 0) {
			int at = Math.min(differs, headings.size() - 1);
			int line = at < 0 ? 1 : headings.get(at).getStartLineNumber() + 1;
			String outline = String.join(", ", english.stream().map(section -> "#".repeat(section.level())
					+ " " + section.id()).toList());
			problems.error(path, line, "headings differ from " + englishPath + ": keep its ## and ### headings ("
					+ outline + "), translated, in the same order");
			return null;
		}
		Iterator<Section> inOrder = english.iterator();
		return SECTION.matcher(html).replaceAll(heading -> {
			Section section = inOrder.next();
			return Matcher.quoteReplacement("<h" + section.level() + " id=\"" + section.id() + "\">");
		});
	}

	private record Section(int level, String id) {
	}

	// Level and id of each ## and ### heading, in order.
	private static List<Section> sections(String html) {
		return SECTION.matcher(html).results().map(heading -> new Section(Integer.parseInt(heading.group(1)), heading.group(2)))
			.toList();
	}

}
