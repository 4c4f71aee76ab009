package org.safesteps.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The success criteria of docs/accessibility-conformance-report.md as its tables state them, so
 * tests can hold the report to what the pages do: the accessibility run asks which criteria the
 * report says are supported that an axe-core violation (by its tags, such as {@code wcag143})
 * breaks.
 */
public final class ConformanceReport {

	/** Where the report lives, from the project folder (the working folder of Maven's tests). */
	public static final Path FILE = Path.of("docs", "accessibility-conformance-report.md");

	/** The VPAT 2.5 terms a Level A or AA row may use ("Not Evaluated" is for Level AAA only). */
	public enum Conformance {

		SUPPORTS("Supports"), PARTIALLY_SUPPORTS("Partially Supports"), DOES_NOT_SUPPORT("Does Not Support"),
		NOT_APPLICABLE("Not Applicable");

		private final String term;

		Conformance(String term) {
			this.term = term;
		}

		static Optional<Conformance> of(String term) {
			for (Conformance conformance : values()) {
				if (conformance.term.equals(term)) {
					return Optional.of(conformance);
				}
			}
			return Optional.empty();
		}

	}

	/** One row of a criteria table. */
	public record Criterion(String number, String name, String level, Conformance conformance, int line) {

		@Override
		public String toString() {
			return this.number + " " + this.name + " (Level " + this.level + ")";
		}

	}

	// | 1.4.3 Contrast (Minimum) (Level AA) | Supports | remarks |
	private static final Pattern ROW = Pattern
		.compile("^\\|\\s*(\\d\\.\\d\\.\\d+) (.+?) \\(Level (A|AA)\\)\\s*\\|\\s*([^|]*?)\\s*\\|.*\\|\\s*$");

	private static final Pattern CRITERION_START = Pattern.compile("^\\|\\s*\\d\\.\\d\\.\\d+ ");

	// axe-core names a criterion "wcag" + its digits: wcag111, wcag143, wcag1410, wcag2411, wcag258.
	// Level tags (wcag2a, wcag21aa, wcag22aa) end in letters and so never match.
	private static final Pattern AXE_TAG = Pattern.compile("wcag(\\d)(\\d)(\\d+)");

	private final Map<String, Criterion> criteria;

	private ConformanceReport(Map<String, Criterion> criteria) {
		this.criteria = criteria;
	}

	public static ConformanceReport read(Path file) {
		try {
			return parse(Files.readAllLines(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads every criteria row; fails with the line number on a row it cannot read, a term that is
	 * not one of the four, or a criterion listed twice.
	 */
	public static ConformanceReport parse(List<String> lines) {
		Map<String, Criterion> criteria = new LinkedHashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String text = lines.get(i);
			if (!CRITERION_START.matcher(text).find()) {
				continue;
			}
			int line = i + 1;
			Matcher row = ROW.matcher(text);
			if (!row.matches()) {
				throw new IllegalArgumentException("line " + line + ": not a criteria row: " + text);
			}
			Conformance conformance = Conformance.of(row.group(4))
				.orElseThrow(() -> new IllegalArgumentException(
						"line " + line + ": unknown conformance level '" + row.group(4) + "'"));
			Criterion criterion = new Criterion(row.group(1), row.group(2), row.group(3), conformance, line);
			Criterion earlier = criteria.putIfAbsent(criterion.number(), criterion);
			if (earlier != null) {
				throw new IllegalArgumentException(
						"line " + line + ": " + criterion.number() + " is listed again (first on line " + earlier.line() + ")");
			}
		}
		return new ConformanceReport(criteria);
	}

	/** The criterion an axe-core tag names ({@code wcag1410} is 1.4.10), if it names one. */
	public static Optional<String> criterionOf(String axeTag) {
		Matcher tag = AXE_TAG.matcher(axeTag);
		return tag.matches() ? Optional.of(tag.group(1) + "." + tag.group(2) + "." + tag.group(3)) : Optional.empty();
	}

	public Map<String, Criterion> criteria() {
		return Map.copyOf(this.criteria);
	}

	public Optional<Criterion> criterion(String number) {
		return Optional.ofNullable(this.criteria.get(number));
	}

	/** The criteria this report says are supported that a violation with these axe-core tags breaks. */
	public List<Criterion> supportedButBroken(Collection<String> axeTags) {
		List<Criterion> broken = new ArrayList<>();
		for (String tag : axeTags) {
			criterionOf(tag).flatMap(this::criterion)
				.filter((criterion) -> criterion.conformance() == Conformance.SUPPORTS)
				.filter((criterion) -> !broken.contains(criterion))
				.ifPresent(broken::add);
		}
		return broken;
	}

}
