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
 * The school's question statistics as CSV, written like the class report's CSV (UTF-8 with a
 * byte-order mark, RFC 4180, formula-like cells neutralised). A row below the privacy floor says
 * "fewer than 5 learners" in each figure's place, as the page does.
 */
final class SchoolQuestionsCsv {

	private SchoolQuestionsCsv() {
	}

	static void write(Writer out, SchoolQuestions questions, MessageSource messages, Locale locale) {
		try {
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
			out.write(ReportCsv.BOM);
			csv.printRecord(List.of("school.questions.module", "school.questions.band", "school.questions.number",
					"school.questions.question", "school.questions.learners", "school.questions.facility",
					"school.questions.discrimination", "school.questions.verdict")
				.stream()
				.map((key) -> ReportCsv.safe(messages.getMessage(key, null, locale)))
				.toList());
			String fewer = messages.getMessage("floor.fewer", null, locale);
			for (SchoolQuestions.Row row : questions.rows()) {
				String learners = row.hidden() ? fewer : Integer.toString(row.learners());
				String facility = row.hidden() ? fewer : Long.toString(row.facility());
				String discrimination = row.hidden() ? fewer
						: (row.discrimination() == null) ? "" : Long.toString(row.discrimination());
				String verdict = row.hidden() ? fewer : messages.getMessage(row.verdictKey(), null, locale);
				csv.printRecord(List.of(row.moduleTitle(), row.band(), Integer.toString(row.number()), row.question(),
						learners, facility, discrimination, verdict)
					.stream()
					.map(ReportCsv::safe)
					.toList());
			}
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
