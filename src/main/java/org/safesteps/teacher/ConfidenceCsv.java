package org.safesteps.teacher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

import org.safesteps.progress.ConfidenceStore;

/**
 * The confidence check as CSV (written as {@link ReportCsv} writes the report): one row per module
 * and statement, with each phase's answers per level and the shift; below 5 answers the cells say so.
 */
final class ConfidenceCsv {

	private ConfidenceCsv() {
	}

	static void write(Writer out, List<ConfidenceReport> reports, MessageSource messages, Locale locale) {
		try {
			// not closed here: closing would close the response stream the caller owns
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
			out.write(ReportCsv.BOM);
			List<String> header = new ArrayList<>(List.of(text(messages, locale, "coverage.csv.band"),
					text(messages, locale, "coverage.csv.module"), text(messages, locale, "confidence.csv.classes"),
					text(messages, locale, "coverage.csv.statement")));
			for (String phase : List.of("before", "after")) {
				String name = text(messages, locale, "confidence." + phase);
				header.add(messages.getMessage("confidence.csv.answers", new Object[] { name }, locale));
				for (int level = 1; level <= ConfidenceStore.LEVELS; level++) {
					header.add(name + ": " + text(messages, locale, "check.level." + level));
				}
			}
			header.add(text(messages, locale, "confidence.csv.shift"));
			csv.printRecord(header.stream().map(ReportCsv::safe).toList());
			for (ConfidenceReport report : reports) {
				for (ConfidenceReport.StatementFigures figures : report.statements()) {
					List<String> cells = new ArrayList<>(List.of(text(messages, locale, "band." + report.band().id()),
							report.title(), Integer.toString(report.classes()), figures.statement().text()));
					phase(cells, figures.before(), messages, locale);
					phase(cells, figures.after(), messages, locale);
					cells.add(figures.shiftShown() ? Integer.toString(figures.shift())
							: text(messages, locale, "confidence.fewerThanFive"));
					csv.printRecord(cells.stream().map(ReportCsv::safe).toList());
				}
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void phase(List<String> cells, ConfidenceReport.Distribution distribution, MessageSource messages,
			Locale locale) {
		if (!distribution.shown()) {
			String hidden = text(messages, locale, "confidence.fewerThanFive");
			for (int i = 0; i <= ConfidenceStore.LEVELS; i++) {
				cells.add(hidden);
			}
			return;
		}
		cells.add(Integer.toString(distribution.answers()));
		distribution.counts().forEach((count) -> cells.add(Integer.toString(count)));
	}

	private static String text(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
