package org.safesteps.teacher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

import org.safesteps.progress.ClassReports;

/**
 * The report matrix as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
 * accents right), RFC 4180 quoting, and cells that a spreadsheet would run as a formula
 * neutralised with a leading apostrophe (OWASP "CSV injection").
 */
final class ReportCsv {

	static final char BOM = '\uFEFF';

	private ReportCsv() {
	}

	/**
	 * Writes the header, then (when any module was taught to the whole class from the front) one row
	 * for the class as a whole with the day each module was taught, then one row per learner.
	 *
	 * @param taughtOn module id to the day it was taught to the class from the front
	 */
	static void write(Writer out, String className, ClassReport report, Map<String, LocalDate> taughtOn,
			MessageSource messages, java.util.Locale locale) {
		try {
			// not closed here: closing would close the response stream the caller owns
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
			out.write(BOM);
			List<String> header = new ArrayList<>(List.of(messages.getMessage("report.csv.class", null, locale),
					messages.getMessage("report.csv.learner", null, locale)));
			for (ClassReport.Column column : report.columns()) {
				header.add(messages.getMessage("report.csv.progress", new Object[] { column.title() }, locale));
				header.add(messages.getMessage("report.csv.score", new Object[] { column.title() }, locale));
			}
			csv.printRecord(header.stream().map(ReportCsv::safe).toList());
			if (report.columns().stream().anyMatch((column) -> taughtOn.containsKey(column.moduleId()))) {
				List<String> cells = new ArrayList<>(List.of(className,
						messages.getMessage("report.csv.taughtRow", null, locale)));
				for (ClassReport.Column column : report.columns()) {
					LocalDate day = taughtOn.get(column.moduleId());
					cells.add((day == null) ? ""
							: messages.getMessage("report.csv.taughtOn", new Object[] { day.toString() }, locale));
					cells.add("");
				}
				csv.printRecord(cells.stream().map(ReportCsv::safe).toList());
			}
			for (ClassReports.Row row : report.matrix().rows()) {
				List<String> cells = new ArrayList<>(List.of(className, row.learner().pseudonym()));
				for (ClassReport.Column column : report.columns()) {
					ClassReports.Cell cell = row.cells().get(column.moduleId());
					cells.add(state(cell, messages, locale));
					cells.add((cell.bestScore() == null) ? "" : Integer.toString(cell.bestScore()));
				}
				csv.printRecord(cells.stream().map(ReportCsv::safe).toList());
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String state(ClassReports.Cell cell, MessageSource messages, java.util.Locale locale) {
		return switch (cell.state()) {
			case NOT_STARTED -> messages.getMessage("report.state.notStarted", null, locale);
			case IN_PROGRESS -> messages.getMessage("report.state.step", new Object[] { cell.step(), cell.steps() }, locale);
			case COMPLETED -> messages.getMessage("report.state.completed", null, locale);
		};
	}

	/** A cell starting with = + - @ (or a tab or carriage return) would be a formula: make it text. */
	static String safe(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + cell : cell;
	}

}
