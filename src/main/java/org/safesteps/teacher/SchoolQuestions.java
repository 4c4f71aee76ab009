package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Question;
import org.safesteps.content.Quiz;
import org.safesteps.progress.PrivacyFloor;
import org.safesteps.progress.QuestionStatistics;
import org.safesteps.quiz.ItemStatistics;

/**
 * The school view of every question's statistics: one row per question of each module's quiz per
 * band, sortable. Rows below the privacy floor carry no figures and sort last. Questions no longer
 * in the content are left out. Public for the template's compiled property reads (see ClassReport).
 */
public record SchoolQuestions(String sort, List<Row> rows) {

	/** The orders the page offers: by module (the content's order), by facility, by discrimination. */
	static final List<String> SORTS = List.of("module", "facility", "discrimination");

	/**
	 * @param facility the share right on the first attempt, 0-100, rounded; null below the floor
	 * @param discrimination Moodle's index, rounded; null below the floor or when not measurable
	 */
	public record Row(String moduleId, String moduleTitle, String band, int moduleOrder, int number, String question,
			boolean hidden, int learners, Long facility, Long discrimination, Verdict verdict) {

		public String verdictKey() {
			return (this.verdict == null) ? null : this.verdict.key();
		}

	}

	static SchoolQuestions build(QuestionStatistics statistics, Curriculum curriculum, String sort) {
		String chosen = (sort != null && SORTS.contains(sort)) ? sort : "module";
		List<Row> rows = new ArrayList<>();
		for (QuestionStatistics.QuizItems quiz : statistics.school()) {
			Optional<Module> module = curriculum.module(quiz.moduleId());
			Optional<Band> band = java.util.Arrays.stream(Band.values()).filter((b) -> b.name().equals(quiz.band())).findFirst();
			Optional<Quiz> content = module.flatMap((m) -> band.flatMap(m::quiz));
			if (content.isEmpty()) {
				continue;
			}
			List<Question> questions = content.get().questions();
			for (int i = 0; i < questions.size(); i++) {
				ItemStatistics.Item item = quiz.items().get(questions.get(i).id());
				if (item != null) {
					rows.add(row(module.get(), band.get(), i + 1, questions.get(i), item));
				}
			}
		}
		rows.sort(order(chosen));
		return new SchoolQuestions(chosen, rows);
	}

	private static Row row(Module module, Band band, int number, Question question, ItemStatistics.Item item) {
		if (PrivacyFloor.hides(item.learners())) {
			return new Row(module.id(), module.title(), band.label(), module.order(), number, question.text(), true, 0,
					null, null, null);
		}
		Long discrimination = (item.discrimination() == null) ? null : Math.round(item.discrimination());
		return new Row(module.id(), module.title(), band.label(), module.order(), number, question.text(), false,
				item.learners(), Math.round(item.facility()), discrimination,
				Verdict.of(item.facility(), item.discrimination()));
	}

	private static Comparator<Row> order(String sort) {
		Comparator<Row> byModule = Comparator.comparingInt(Row::moduleOrder)
			.thenComparing(Row::band)
			.thenComparingInt(Row::number);
		Comparator<Row> hiddenLast = Comparator.comparing(Row::hidden);
		return switch (sort) {
			case "facility" -> hiddenLast.thenComparing(Row::facility, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(byModule);
			case "discrimination" -> hiddenLast
				.thenComparing(Row::discrimination, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(byModule);
			default -> byModule;
		};
	}

}
