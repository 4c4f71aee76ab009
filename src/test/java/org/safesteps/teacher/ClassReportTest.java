package org.safesteps.teacher;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.progress.ClassReports;
import org.safesteps.progress.ClassReports.Cell;
import org.safesteps.progress.ClassReports.State;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures the class page derives from the matrix it has already read. */
class ClassReportTest {

	@Test
	void completionCountsStartedAndCompletedCellsOfEachModuleOverAllLearners() {
		ClassReports.Matrix matrix = new ClassReports.Matrix(List.of("a", "b"), List.of(
				row("Brave Otter", new Cell("a", State.COMPLETED, 4, 4, 80, 1), new Cell("b", State.IN_PROGRESS, 2, 4, null, 0)),
				row("Calm Fox", new Cell("a", State.IN_PROGRESS, 1, 4, null, 0), new Cell("b", State.NOT_STARTED, 0, 0, null, 0)),
				row("Kind Owl", new Cell("a", State.NOT_STARTED, 0, 0, null, 0), new Cell("b", State.NOT_STARTED, 0, 0, null, 0))));

		assertThat(ClassReport.completion(matrix)).containsExactly(new ClassReports.ModuleCompletion("a", 3, 2, 1),
				new ClassReports.ModuleCompletion("b", 3, 1, 0));
	}

	private static ClassReports.Row row(String pseudonym, Cell a, Cell b) {
		return new ClassReports.Row(new ClassReports.LearnerRef(pseudonym, pseudonym), Map.of("a", a, "b", b));
	}

}
