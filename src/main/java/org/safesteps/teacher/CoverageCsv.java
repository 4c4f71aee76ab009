package org.safesteps.teacher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

/**
 * Coverage as CSV, written the way {@link ReportCsv} writes the report (byte-order mark, RFC 4180,
 * formula-looking cells neutralised): one row per statement and covering module, with the day the
 * module was taught to the whole class from the front (ISO date, so a spreadsheet sorts it).
 */
final class CoverageCsv {

	private CoverageCsv() {
	}

	static void writeClass(Writer out, ClassCoverage coverage, MessageSource messages, Locale locale) {
		try {
			// not closed here: closing would close the response stream the caller owns
			CSVPrinter csv = start(out);
			print(csv, text(messages, locale, "coverage.csv.framework"), text(messages, locale, "coverage.csv.strand"),
					text(messages, locale, "coverage.csv.statementId"), text(messages, locale, "coverage.csv.statement"),
					text(messages, locale, "coverage.csv.module"), text(messages, locale, "coverage.csv.completed"),
					text(messages, locale, "coverage.csv.taught"));
			for (ClassCoverage.FrameworkSection framework : coverage.frameworks()) {
				for (ClassCoverage.StrandSection strand : framework.strands()) {
					for (ClassCoverage.StatementLine line : strand.statements()) {
						if (!line.covered()) {
							print(csv, framework.framework().name(), strand.strand(), line.statement().id(),
									line.statement().text(), "", text(messages, locale, "coverage.notCovered"), "");
						}
						for (ClassCoverage.Covering module : line.modules()) {
							print(csv, framework.framework().name(), strand.strand(), line.statement().id(),
									line.statement().text(), module.title(), completed(module.completed(), messages, locale),
									(module.taughtOn() == null) ? "" : module.taughtOn().toString());
						}
					}
				}
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeSchool(Writer out, SchoolCoverage coverage, MessageSource messages, Locale locale) {
		try {
			CSVPrinter csv = start(out);
			print(csv, text(messages, locale, "coverage.csv.band"), text(messages, locale, "coverage.csv.bandClasses"),
					text(messages, locale, "coverage.csv.bandLearners"), text(messages, locale, "coverage.csv.framework"),
					text(messages, locale, "coverage.csv.strand"), text(messages, locale, "coverage.csv.statementId"),
					text(messages, locale, "coverage.csv.statement"), text(messages, locale, "coverage.csv.classes"),
					text(messages, locale, "coverage.csv.learners"), text(messages, locale, "coverage.csv.taughtClasses"));
			for (SchoolCoverage.BandSection band : coverage.bands()) {
				String bandLearners = learners(band.learners(), messages, locale);
				for (SchoolCoverage.FrameworkRows framework : band.frameworks()) {
					for (SchoolCoverage.StatementRow row : framework.rows()) {
						print(csv, text(messages, locale, "band." + band.band().id()), Integer.toString(band.classes()),
								bandLearners, framework.framework().name(), row.statement().strand(), row.statement().id(),
								row.statement().text(), Integer.toString(row.classes()),
								(row.classes() == 0) ? "" : learners(row.learners(), messages, locale),
								Integer.toString(row.taughtClasses()));
					}
				}
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CSVPrinter start(Writer out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
		out.write(ReportCsv.BOM);
		return csv;
	}

	private static void print(CSVPrinter csv, String... cells) throws IOException {
		csv.printRecord(List.of(cells).stream().map(ReportCsv::safe).toList());
	}

	static String completed(Share share, MessageSource messages, Locale locale) {
		return share.shown()
				? messages.getMessage("coverage.completed", new Object[] { share.count(), share.total(), share.percent() }, locale)
				: text(messages, locale, "coverage.fewerThanFive");
	}

	static String learners(int learners, MessageSource messages, Locale locale) {
		return Share.shown(learners) ? Integer.toString(learners) : text(messages, locale, "coverage.fewerThanFive");
	}

	private static String text(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
