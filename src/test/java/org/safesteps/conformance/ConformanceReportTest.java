package org.safesteps.conformance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.safesteps.conformance.ConformanceReport.Conformance;
import org.safesteps.conformance.ConformanceReport.Criterion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConformanceReportTest {

	/**
	 * Every Level A and AA success criterion of WCAG 2.2 (W3C Recommendation, 5 October 2023): 31 at
	 * A and 24 at AA. 4.1.1 Parsing was removed in 2.2; 2.4.7 Focus Visible stays at AA.
	 */
	static final Map<String, String> WCAG_22_A_AND_AA = Map.ofEntries(
			Map.entry("1.1.1", "Non-text Content (Level A)"),
			Map.entry("1.2.1", "Audio-only and Video-only (Prerecorded) (Level A)"),
			Map.entry("1.2.2", "Captions (Prerecorded) (Level A)"),
			Map.entry("1.2.3", "Audio Description or Media Alternative (Prerecorded) (Level A)"),
			Map.entry("1.2.4", "Captions (Live) (Level AA)"),
			Map.entry("1.2.5", "Audio Description (Prerecorded) (Level AA)"),
			Map.entry("1.3.1", "Info and Relationships (Level A)"),
			Map.entry("1.3.2", "Meaningful Sequence (Level A)"),
			Map.entry("1.3.3", "Sensory Characteristics (Level A)"),
			Map.entry("1.3.4", "Orientation (Level AA)"),
			Map.entry("1.3.5", "Identify Input Purpose (Level AA)"),
			Map.entry("1.4.1", "Use of Color (Level A)"),
			Map.entry("1.4.2", "Audio Control (Level A)"),
			Map.entry("1.4.3", "Contrast (Minimum) (Level AA)"),
			Map.entry("1.4.4", "Resize Text (Level AA)"),
			Map.entry("1.4.5", "Images of Text (Level AA)"),
			Map.entry("1.4.10", "Reflow (Level AA)"),
			Map.entry("1.4.11", "Non-text Contrast (Level AA)"),
			Map.entry("1.4.12", "Text Spacing (Level AA)"),
			Map.entry("1.4.13", "Content on Hover or Focus (Level AA)"),
			Map.entry("2.1.1", "Keyboard (Level A)"),
			Map.entry("2.1.2", "No Keyboard Trap (Level A)"),
			Map.entry("2.1.4", "Character Key Shortcuts (Level A)"),
			Map.entry("2.2.1", "Timing Adjustable (Level A)"),
			Map.entry("2.2.2", "Pause, Stop, Hide (Level A)"),
			Map.entry("2.3.1", "Three Flashes or Below Threshold (Level A)"),
			Map.entry("2.4.1", "Bypass Blocks (Level A)"),
			Map.entry("2.4.2", "Page Titled (Level A)"),
			Map.entry("2.4.3", "Focus Order (Level A)"),
			Map.entry("2.4.4", "Link Purpose (In Context) (Level A)"),
			Map.entry("2.4.5", "Multiple Ways (Level AA)"),
			Map.entry("2.4.6", "Headings and Labels (Level AA)"),
			Map.entry("2.4.7", "Focus Visible (Level AA)"),
			Map.entry("2.4.11", "Focus Not Obscured (Minimum) (Level AA)"),
			Map.entry("2.5.1", "Pointer Gestures (Level A)"),
			Map.entry("2.5.2", "Pointer Cancellation (Level A)"),
			Map.entry("2.5.3", "Label in Name (Level A)"),
			Map.entry("2.5.4", "Motion Actuation (Level A)"),
			Map.entry("2.5.7", "Dragging Movements (Level AA)"),
			Map.entry("2.5.8", "Target Size (Minimum) (Level AA)"),
			Map.entry("3.1.1", "Language of Page (Level A)"),
			Map.entry("3.1.2", "Language of Parts (Level AA)"),
			Map.entry("3.2.1", "On Focus (Level A)"),
			Map.entry("3.2.2", "On Input (Level A)"),
			Map.entry("3.2.3", "Consistent Navigation (Level AA)"),
			Map.entry("3.2.4", "Consistent Identification (Level AA)"),
			Map.entry("3.2.6", "Consistent Help (Level A)"),
			Map.entry("3.3.1", "Error Identification (Level A)"),
			Map.entry("3.3.2", "Labels or Instructions (Level A)"),
			Map.entry("3.3.3", "Error Suggestion (Level AA)"),
			Map.entry("3.3.4", "Error Prevention (Legal, Financial, Data) (Level AA)"),
			Map.entry("3.3.7", "Redundant Entry (Level A)"),
			Map.entry("3.3.8", "Accessible Authentication (Minimum) (Level AA)"),
			Map.entry("4.1.2", "Name, Role, Value (Level A)"),
			Map.entry("4.1.3", "Status Messages (Level AA)"));

	@Test
	void shippedReportListsEveryWcag22LevelAAndAaCriterionExactlyOnce() {
		// parsing fails on a criterion listed twice, so equal maps mean each is there exactly once
		Map<String, Criterion> listed = ConformanceReport.read(ConformanceReport.FILE).criteria();
		Map<String, String> named = listed.values()
			.stream()
			.collect(Collectors.toMap(Criterion::number, (c) -> c.name() + " (Level " + c.level() + ")", (a, b) -> a,
					TreeMap::new));
		assertThat(named).containsExactlyInAnyOrderEntriesOf(WCAG_22_A_AND_AA);
		assertThat(WCAG_22_A_AND_AA.values().stream().filter((name) -> name.endsWith("(Level A)"))).hasSize(31);
		assertThat(WCAG_22_A_AND_AA).hasSize(55);
	}

	@ParameterizedTest
	@CsvSource({ "wcag111, 1.1.1", "wcag143, 1.4.3", "wcag1410, 1.4.10", "wcag2411, 2.4.11", "wcag258, 2.5.8",
			"wcag412, 4.1.2", "wcag332, 3.3.2" })
	void axeCriterionTagsNameTheirCriterion(String tag, String criterion) {
		assertThat(ConformanceReport.criterionOf(tag)).contains(criterion);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice", "cat.color",
			"EN-301-549", "ACT", "TTv5", "section508.22.a", "wcag" })
	void otherAxeTagsNameNoCriterion(String tag) {
		assertThat(ConformanceReport.criterionOf(tag)).isEmpty();
	}

	@Test
	void aViolationBreaksOnlyTheCriteriaTheReportSaysAreSupported() {
		ConformanceReport report = ConformanceReport.parse(List.of("| Criteria | Conformance Level | Remarks |",
				"| --- | --- | --- |", "| 1.4.3 Contrast (Minimum) (Level AA) | Supports | checked |",
				"| 3.1.2 Language of Parts (Level AA) | Partially Supports | not on results |",
				"| 1.2.2 Captions (Prerecorded) (Level A) | Not Applicable | no video |"));

		assertThat(report.supportedButBroken(List.of("cat.color", "wcag2aa", "wcag143", "EN-9.1.4.3")))
			.extracting(Criterion::number)
			.containsExactly("1.4.3");
		assertThat(report.supportedButBroken(List.of("wcag2aa", "wcag312"))).isEmpty();
		assertThat(report.supportedButBroken(List.of("wcag122"))).isEmpty();
		// a criterion the report does not list cannot be claimed, so it is not reported here
		assertThat(report.supportedButBroken(List.of("wcag111"))).isEmpty();
		assertThat(report.criterion("3.1.2")).map(Criterion::conformance).contains(Conformance.PARTIALLY_SUPPORTS);
	}

	@Test
	void aTermOutsideTheVpatOnesIsRefusedWithItsLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConformanceReport.parse(List.of("# Report", "",
					"| 1.4.3 Contrast (Minimum) (Level AA) | Supported | typo |")))
			.withMessageContaining("line 3")
			.withMessageContaining("Supported");
	}

	@Test
	void aCriterionListedTwiceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConformanceReport.parse(List.of("| 2.5.8 Target Size (Minimum) (Level AA) | Supports | a |",
					"| 2.5.8 Target Size (Minimum) (Level AA) | Partially Supports | b |")))
			.withMessageContaining("line 2")
			.withMessageContaining("first on line 1");
	}

	@Test
	void aCriterionRowWithoutItsLevelIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConformanceReport.parse(List.of("| 2.4.7 Focus Visible | Supports | no level |")))
			.withMessageContaining("line 1");
	}

}
