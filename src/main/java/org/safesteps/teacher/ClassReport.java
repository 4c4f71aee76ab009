package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.progress.ClassReports;
import org.springframework.context.MessageSource;

/**
 * A class's report ready to show: the aggregated numbers from {@link ClassReports} with module
 * titles and question texts from the curriculum. Questions no longer in the content are left out.
 * Public, with public parts, because the SpEL compiler turns the template's property reads into
 * direct calls only on public types; on the others it reflects on every read, thousands a page.
 */
public record ClassReport(List<Column> columns, ClassReports.Matrix matrix, List<RowView> rows,
		List<ClassReports.ModuleCompletion> completion, List<RevisitView> revisit, List<QuizLink> quizzes,
		boolean revisitHidden) {

	/** How many questions "what to revisit" shows on the class page; every question is on its module's page. */
	static final int REVISIT = 5;

	/**
	 * The class page's report: the matrix, completion, the questions most of the class got wrong
	 * across the assigned modules ({@value #REVISIT} at most, most-missed first) and a link per
	 * module with a quiz. Each question's options are worked out only for the questions shown.
	 */
	static ClassReport build(ClassReports reports, Curriculum curriculum, String classId, Band band,
			List<String> moduleIds, Labels labels) {
		return build(reports.summary(classId, moduleIds), curriculum, band, moduleIds, labels);
	}

	/** {@link #build} from the class's summary already read. */
	static ClassReport build(ClassReports.Summary summary, Curriculum curriculum, Band band, List<String> moduleIds,
			Labels labels) {
		List<Column> columns = moduleIds.stream().map((id) -> new Column(id, title(curriculum, id))).toList();
		List<Missed> missed = new ArrayList<>();
		List<QuizLink> quizzes = new ArrayList<>();
		boolean hiddenMisses = false;
		for (int index = 0; index < columns.size(); index++) {
			Column column = columns.get(index);
			Optional<Quiz> quiz = curriculum.module(column.moduleId()).flatMap((module) -> module.quiz(band));
			if (quiz.isEmpty()) {
				continue;
			}
			int answered = 0;
			for (ClassReports.QuestionShares shares : summary.questions().getOrDefault(column.moduleId(), List.of())) {
				answered = Math.max(answered, shares.answered());
				Optional<Question> question = quiz.get().question(shares.questionId());
				// below the privacy floor even "most missed" would say what a few learners answered
				hiddenMisses |= question.isPresent() && shares.correct() < shares.answered() && shares.hidden();
				if (question.isPresent() && shares.correct() < shares.answered() && !shares.hidden()) {
					missed.add(new Missed(index, quiz.get().questions().indexOf(question.get()), column, question.get(),
							shares));
				}
			}
			quizzes.add(new QuizLink(column.moduleId(), column.title(), answered));
		}
		missed.sort(Comparator.comparingDouble((Missed m) -> m.shares().missedShare())
			.reversed()
			.thenComparing(Comparator.comparingInt((Missed m) -> m.shares().answered()).reversed())
			.thenComparingInt(Missed::column)
			.thenComparingInt(Missed::position));
		List<RevisitView> revisit = missed.stream()
			.limit(REVISIT)
			.map((m) -> new RevisitView(m.module().moduleId(), m.module().title(), view(m.question(), m.shares(), labels)))
			.toList();
		return new ClassReport(columns, summary.matrix(), rows(summary.matrix(), labels), summary.completion(), revisit,
				quizzes, revisit.isEmpty() && hiddenMisses);
	}

	/**
	 * Every question of one module's quiz with how the class answered it, most-missed first, for
	 * the module's page; empty if the module has no quiz for the band.
	 */
	static Optional<ModuleQuestions> questions(ClassReports reports, Curriculum curriculum, String classId, Band band,
			String moduleId, Labels labels) {
		Optional<Quiz> quiz = curriculum.module(moduleId).flatMap((module) -> module.quiz(band));
		if (quiz.isEmpty()) {
			return Optional.empty();
		}
		List<QuestionView> views = new ArrayList<>();
		List<Question> hidden = new ArrayList<>();
		int answered = 0;
		for (ClassReports.QuestionShares shares : reports.questions(classId, moduleId)) {
			answered = Math.max(answered, shares.answered());
			Optional<Question> question = quiz.get().question(shares.questionId());
			if (question.isPresent() && shares.hidden()) {
				hidden.add(question.get());
			}
			else {
				question.ifPresent((q) -> views.add(view(q, shares, labels)));
			}
		}
		// below the floor, most-missed first would give away what a few learners answered: quiz order
		hidden.sort(Comparator.comparingInt(quiz.get().questions()::indexOf));
		hidden.forEach((question) -> views.add(new QuestionView(question.text(), question.type() == QuestionType.ORDER,
				true, labels.text("floor.fewer"), null, null, null, List.of())));
		return Optional.of(new ModuleQuestions(moduleId, title(curriculum, moduleId), answered, views));
	}

	/** Whether any learner of the class has answered a quiz of the assigned modules. */
	public boolean anyAnswers() {
		return this.quizzes.stream().anyMatch((quiz) -> quiz.answered() > 0);
	}

	/** Only the matrix, for the spreadsheet. */
	static ClassReport matrixOnly(List<Column> columns, ClassReports.Matrix matrix) {
		return new ClassReport(columns, matrix, List.of(), List.of(), List.of(), List.of(), false);
	}

	/**
	 * The matrix as the page shows it, every label already in words: a class of 35 by 12 modules
	 * has 420 cells, and working each one out in the template was most of the page's time.
	 */
	private static List<RowView> rows(ClassReports.Matrix matrix, Labels labels) {
		List<RowView> rows = new ArrayList<>();
		for (ClassReports.Row row : matrix.rows()) {
			List<CellView> cells = new ArrayList<>();
			for (ClassReports.Cell cell : row.cells().values()) {
				String state = switch (cell.state()) {
					case NOT_STARTED -> labels.text("report.state.notStarted");
					case IN_PROGRESS -> labels.text("report.state.step", cell.step(), cell.steps());
					case COMPLETED -> labels.text("report.state.completed");
				};
				String score = (cell.bestScore() == null) ? null : labels.text("report.score", cell.bestScore());
				cells.add(new CellView("state-" + cell.state().name(), state, score));
			}
			rows.add(new RowView(row.learner().pseudonym(), cells));
		}
		return rows;
	}

	static String title(Curriculum curriculum, String moduleId) {
		return curriculum.module(moduleId).map(Module::title).orElse(moduleId);
	}

	private static QuestionView view(Question question, ClassReports.QuestionShares shares, Labels labels) {
		if (shares.hidden()) {
			return new QuestionView(question.text(), question.type() == QuestionType.ORDER, true,
					labels.text("floor.fewer"), null, null, null, List.of());
		}
		// an order question's items are all "chosen" by everyone: only right or wrong order says anything
		List<OptionView> options = (question.type() == QuestionType.ORDER) ? List.of()
				: question.options()
					.stream()
					.map((option) -> option(option.text(), option.correct(),
							shares.chosenBy().getOrDefault(option.id(), 0), shares.percentChoosing(option.id()), labels))
					.toList();
		return new QuestionView(question.text(), question.type() == QuestionType.ORDER, false,
				labels.text("report.question.correct", shares.percentCorrect(), shares.correct(), shares.answered()),
				labels.text("report.stats.facility", shares.percentCorrect()), discrimination(shares.discrimination(), labels),
				labels.text(Verdict.of(shares.percentCorrect(), shares.discrimination()).key()), options);
	}

	static String discrimination(Double index, Labels labels) {
		return (index == null) ? labels.text("report.stats.discrimination.none")
				: labels.text("report.stats.discrimination", Math.round(index));
	}

	private static OptionView option(String text, boolean correct, int learners, int percent, Labels labels) {
		return new OptionView(text, correct, percent, labels.text("report.option.label", percent, learners),
				labels.text("report.option.value", percent, learners));
	}

	/** An assigned module as a column of the matrix. */
	public record Column(String moduleId, String title) {
	}

	/** The questions of one module, most-missed first, and how many learners answered its quiz. */
	public record ModuleQuestions(String moduleId, String title, int answered, List<QuestionView> questions) {
	}

	/** A module with a quiz, linked from the class page to all its questions. */
	public record QuizLink(String moduleId, String title, int answered) {
	}

	/** A question to revisit, with the module it belongs to. */
	public record RevisitView(String moduleId, String moduleTitle, QuestionView question) {
	}

	/** A question someone got wrong, before it is put in words; column and position: where it stands. */
	private record Missed(int column, int position, Column module, Question question,
			ClassReports.QuestionShares shares) {
	}

	/**
	 * A question with how the class answered it, in words; {@code hidden} below the privacy floor,
	 * when {@code correctness} says so and there are no figures (null) and no options.
	 */
	public record QuestionView(String text, boolean order, boolean hidden, String correctness, String facility,
			String discrimination, String verdict, List<OptionView> options) {
	}

	/** An option with the share of learners who chose it (for the bar) and the same in words. */
	public record OptionView(String text, boolean correct, int percent, String label, String value) {
	}

	/** A learner's line of the matrix. */
	public record RowView(String pseudonym, List<CellView> cells) {
	}

	/** One cell: its style, its state in words and the best score in words (null before any quiz). */
	public record CellView(String css, String state, String score) {
	}

	/** Message texts in the page's language; the same label asked again is not formatted again. */
	@FunctionalInterface
	interface Labels {

		String text(String code, Object... args);

		static Labels of(MessageSource messages, Locale locale) {
			Map<List<Object>, String> known = new HashMap<>();
			return (code, args) -> {
				List<Object> key = new ArrayList<>(args.length + 1);
				key.add(code);
				key.addAll(Arrays.asList(args));
				return known.computeIfAbsent(key, (k) -> messages.getMessage(code, args, locale));
			};
		}

	}

}
