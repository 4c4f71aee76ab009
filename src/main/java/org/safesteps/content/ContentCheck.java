package org.safesteps.content;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The content check as a command: every problem as {@code path:line: message}, a readability report, a summary. */
public final class ContentCheck {

	private static final String CLASSPATH = "classpath:";

	private ContentCheck() {
	}

	/** Checks the content and prints the report; returns 1 if there is any error, else 0. */
	public static int run(ContentSource source, PrintStream out, LocalDate today) {
		LoadResult result;
		try {
			result = new CurriculumLoader().load(source, today);
		}
		catch (UncheckedIOException ex) {
			out.println(source.describe() + ": " + ex.getCause().getMessage());
			out.println("1 errors, 0 warnings");
			return 1;
		}
		result.problems().forEach(out::println);
		if (!result.readability().isEmpty()) {
			out.println();
			out.println("Readability (Flesch-Kincaid grade):");
			result.readability()
				.stream()
				.sorted(Comparator.comparing(ReadabilityScore::band).thenComparing(ReadabilityScore::moduleId,
						Comparator.nullsFirst(Comparator.naturalOrder())))
				.forEach(score -> out.println(String.format(Locale.ROOT, "  %-10s  %-28s  %5.1f  ceiling %.1f  %s",
						score.band().id(), score.moduleId(), score.grade(), score.ceiling(),
						score.aboveCeiling() ? "ABOVE" : "OK")));
		}
		if (!result.readabilityNotMeasured().isEmpty()) {
			out.println();
			out.println("Readability not measured (the Flesch-Kincaid grade is for English text only):");
			result.readabilityNotMeasured().stream().sorted().forEach(path -> out.println("  " + path));
		}
		if (!result.missingTranslations().isEmpty()) {
			out.println();
			out.println("Translations missing (warning: readers see English instead), "
					+ result.missingTranslations().size() + " files:");
			result.missingTranslations().forEach(path -> out.println("  " + path));
		}
		if (result.curriculum() != null) {
			printGaps(result.curriculum().evidence(), out);
		}
		out.println();
		out.println(result.errors().size() + " errors, " + result.warnings().size() + " warnings");
		return result.errors().isEmpty() ? 0 : 1;
	}

	/** The gap list for content authors: per band, the framework statements for its ages no lesson covers. */
	static void printGaps(Evidence evidence, PrintStream out) {
		if (evidence.frameworks().isEmpty()) {
			return;
		}
		out.println();
		out.println("Framework statements no lesson covers (gap list):");
		for (Band band : Band.values()) {
			List<FrameworkStatement> gaps = evidence.gaps(band);
			out.println("  " + band.id() + ": " + (gaps.isEmpty() ? "none" : gaps.size() + " not covered"));
			gaps.forEach(statement -> out.println(String.format(Locale.ROOT, "    %-36s %s / %s", statement.id(),
					statement.frameworkId(), statement.strand())));
		}
	}

	/**
	 * Runs the check on a content folder (default {@code ./content}), or on the content packed in the
	 * jar with {@code classpath:content}, and exits with its status.
	 */
	public static void main(String[] args) {
		String location = args.length > 0 ? args[0] : "content";
		ContentSource source = location.startsWith(CLASSPATH)
				? ContentSource.classpath(location.substring(CLASSPATH.length()))
				: ContentSource.directory(Path.of(location));
		System.exit(run(source, System.out, LocalDate.now()));
	}

}
