package org.safesteps.teacher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.progress.ClassReports;

/**
 * A class's report ready to show: the aggregated numbers from {@link ClassReports} with module
 * titles and question texts from the curriculum. Questions no longer in the content are left out.
 */
record ClassReport(List<Column> columns, ClassReports.Matrix matrix, List<ClassReports.ModuleCompletion> completion,
		List<ModuleQuestions> questions) {

	static ClassReport build(ClassReports reports, Curriculum curriculum, String classId, Band band,
			List<String> moduleIds) {
		List<Column> columns = moduleIds.stream().map((id) -> new Column(id, title(curriculum, id))).toList();
		List<ModuleQuestions> questions = new ArrayList<>();
		Map<String, List<ClassReports.QuestionShares>> shared = reports.questions(classId, moduleIds);
		for (Column column : columns) {
			Optional<Quiz> quiz = curriculum.module(column.moduleId()).flatMap((module) -> module.quiz(band));
			if (quiz.isEmpty()) {
				continue;
			}
			List<QuestionView> views = new ArrayList<>();
			for (ClassReports.QuestionShares shares : shared.getOrDefault(column.moduleId(), List.of())) {
				quiz.get().question(shares.questionId()).ifPresent((question) -> views.add(view(question, shares)));
			}
			questions.add(new ModuleQuestions(column.moduleId(), column.title(), views));
		}
		ClassReports.Matrix matrix = reports.matrix(classId, moduleIds);
		return new ClassReport(columns, matrix, completion(matrix), questions);
	}

	/**
	 * Completion per module counted from the matrix the page shows anyway: the same figures as
	 * {@link ClassReports#completion}, without reading learners and progress a second time.
	 */
	static List<ClassReports.ModuleCompletion> completion(ClassReports.Matrix matrix) {
		List<ClassReports.ModuleCompletion> completion = new ArrayList<>();
		for (String moduleId : matrix.moduleIds()) {
			int started = 0;
			int completed = 0;
			for (ClassReports.Row row : matrix.rows()) {
				ClassReports.State state = row.cells().get(moduleId).state();
				started += (state == ClassReports.State.NOT_STARTED) ? 0 : 1;
				completed += (state == ClassReports.State.COMPLETED) ? 1 : 0;
			}
			completion.add(new ClassReports.ModuleCompletion(moduleId, matrix.rows().size(), started, completed));
		}
		return completion;
	}

	static String title(Curriculum curriculum, String moduleId) {
		return curriculum.module(moduleId).map(Module::title).orElse(moduleId);
	}

	private static QuestionView view(Question question, ClassReports.QuestionShares shares) {
		// an order question's items are all "chosen" by everyone: only right or wrong order says anything
		List<OptionView> options = (question.type() == QuestionType.ORDER) ? List.of()
				: question.options()
					.stream()
					.map((option) -> new OptionView(option.text(), option.correct(),
							shares.chosenBy().getOrDefault(option.id(), 0), shares.percentChoosing(option.id())))
					.toList();
		return new QuestionView(question.text(), question.type() == QuestionType.ORDER, shares.answered(),
				shares.correct(), shares.percentCorrect(), options);
	}

	/** An assigned module as a column of the matrix. */
	record Column(String moduleId, String title) {
	}

	/** The questions of one module, most-missed first. */
	record ModuleQuestions(String moduleId, String title, List<QuestionView> questions) {
	}

	/** A question with how the class answered it. */
	record QuestionView(String text, boolean order, int answered, int correct, int percentCorrect,
			List<OptionView> options) {
	}

	/** An option with the number and share of learners who chose it. */
	record OptionView(String text, boolean correct, int learners, int percent) {
	}

}
