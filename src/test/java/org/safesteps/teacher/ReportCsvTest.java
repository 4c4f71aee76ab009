package org.safesteps.teacher;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import org.safesteps.progress.ClassReports;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCsvTest {

	private static final String AWKWARD_CLASS = "Year 7 \"blue\", room 2\nupstairs";

	@Test
	void awkwardNamesSurviveTheRoundTripThroughASpreadsheetParser() throws Exception {
		StringWriter out = new StringWriter();
		ReportCsv.write(out, AWKWARD_CLASS, report("=HYPERLINK(\"http://evil\")", "Mod, \"quoted\"\nnext"), Map.of(),
				messages(), Locale.ENGLISH);
		String text = out.toString();

		assertThat(text).startsWith("\uFEFF");
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
		assertThat(records).hasSize(2);
		assertThat(records.get(0).toList()).containsExactly("Class", "Learner", "Mod, \"quoted\"\nnext: progress",
				"Mod, \"quoted\"\nnext: best score");
		assertThat(records.get(1).toList()).containsExactly(AWKWARD_CLASS, "'=HYPERLINK(\"http://evil\")", "Step 2 of 5",
				"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "=1+1|'=1+1", "+SUM(A1)|'+SUM(A1)", "-2|'-2", "@cmd|'@cmd",
			"Brave Otter|Brave Otter", "a=b|a=b" })
	void cellsThatASpreadsheetWouldRunAsAFormulaBecomeText(String cell, String written) {
		assertThat(ReportCsv.safe(cell)).isEqualTo(written);
	}

	private static ClassReport report(String pseudonym, String moduleTitle) {
		Map<String, ClassReports.Cell> cells = new LinkedHashMap<>();
		cells.put("m1", new ClassReports.Cell("m1", ClassReports.State.IN_PROGRESS, 2, 5, null, 0));
		ClassReports.Row row = new ClassReports.Row(new ClassReports.LearnerRef("l1", pseudonym), cells);
		return ClassReport.matrixOnly(List.of(new ClassReport.Column("m1", moduleTitle)),
				new ClassReports.Matrix(List.of("m1"), List.of(row)));
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/teach");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
