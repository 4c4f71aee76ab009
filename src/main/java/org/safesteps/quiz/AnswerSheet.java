package org.safesteps.quiz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;

/**
 * A submitted quiz form read into answers, or the problems that send it back. The form never holds
 * option ids (an id such as {@code warning-sign} could give the answer away): choices are numbered
 * in the learner's {@link DisplayOrder}. Field {@code q-<question>} holds the chosen numbers; an {@code order}
 * question has one field {@code q-<question>-<number>} per item holding its place, 1 to n.
 *
 * @param chosen option ids per question, ready for the {@link Grader} (only when there are no problems)
 * @param problems what is missing or malformed, per question id
 * @param fields the form's own values, to show the child's choices again beside the problems
 */
public record AnswerSheet(Map<String, List<String>> chosen, Map<String, Problem> problems,
		Map<String, List<String>> fields) {

	/** Why a question's answer cannot be graded; each has a message {@code quiz.problem.<key>}. */
	public enum Problem {

		MISSING("missing"), ONE_ONLY("one-only"), ORDER_PLACES("order-places"), MALFORMED("malformed");

		private final String key;

		Problem(String key) {
			this.key = key;
		}

		public String key() {
			return this.key;
		}

	}

	public AnswerSheet {
		chosen = Map.copyOf(chosen);
		problems = Map.copyOf(problems);
		fields = Map.copyOf(fields);
	}

	public static AnswerSheet empty() {
		return new AnswerSheet(Map.of(), Map.of(), Map.of());
	}

	public static String field(Question question) {
		return "q-" + question.id();
	}

	public static String field(Question question, int number) {
		return "q-" + question.id() + "-" + number;
	}

	/**
	 * @param order the order the learner was shown, which gives the form's numbers their meaning
	 * @param form the values of a form field by name (empty list when absent)
	 */
	public static AnswerSheet read(Quiz quiz, DisplayOrder order, Function<String, List<String>> form) {
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		Map<String, Problem> problems = new LinkedHashMap<>();
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (Question question : quiz.questions()) {
			List<Option> shown = order.of(question);
			try {
				List<String> ids = (question.type() == QuestionType.ORDER) ? order(question, shown, form, fields)
						: choices(question, shown, form, fields);
				chosen.put(question.id(), ids);
			}
			catch (Unanswerable ex) {
				problems.put(question.id(), ex.problem);
			}
		}
		return new AnswerSheet(problems.isEmpty() ? chosen : Map.of(), problems, fields);
	}

	public boolean hasProblems() {
		return !this.problems.isEmpty();
	}

	public Problem problem(String questionId) {
		return this.problems.get(questionId);
	}

	/** Whether choice {@code number} of the question was ticked, to tick it again. */
	public boolean checked(Question question, int number) {
		return this.fields.getOrDefault(field(question), List.of()).contains(Integer.toString(number));
	}

	/** The place the child gave item {@code number} of an order question, or an empty string. */
	public String place(Question question, int number) {
		List<String> values = this.fields.getOrDefault(field(question, number), List.of());
		return values.isEmpty() ? "" : values.get(0);
	}

	private static List<String> choices(Question question, List<Option> shown, Function<String, List<String>> form,
			Map<String, List<String>> fields) {
		List<String> values = form.apply(field(question));
		values = (values == null) ? List.of() : values;
		fields.put(field(question), List.copyOf(values));
		if (values.isEmpty()) {
			throw new Unanswerable(Problem.MISSING);
		}
		if (question.type() != QuestionType.MULTIPLE && values.size() > 1) {
			throw new Unanswerable(Problem.ONE_ONLY);
		}
		Set<Integer> numbers = new HashSet<>();
		List<String> ids = new ArrayList<>();
		for (String value : values) {
			int number = number(value, shown.size());
			if (numbers.add(number)) {
				ids.add(shown.get(number).id());
			}
		}
		return ids;
	}

	private static List<String> order(Question question, List<Option> shown, Function<String, List<String>> form,
			Map<String, List<String>> fields) {
		String[] placed = new String[shown.size()];
		boolean missing = false;
		boolean repeated = false;
		for (int number = 0; number < shown.size(); number++) {
			List<String> values = form.apply(field(question, number));
			values = (values == null) ? List.of() : values;
			fields.put(field(question, number), List.copyOf(values));
			if (values.isEmpty() || values.get(0).isBlank()) {
				missing = true;
				continue;
			}
			if (values.size() > 1) {
				throw new Unanswerable(Problem.MALFORMED);
			}
			int place = number(values.get(0), shown.size() + 1) - 1;
			if (place < 0) {
				throw new Unanswerable(Problem.MALFORMED);
			}
			if (placed[place] != null) {
				repeated = true;
			}
			placed[place] = shown.get(number).id();
		}
		if (missing || repeated) {
			throw new Unanswerable(Problem.ORDER_PLACES);
		}
		return Arrays.asList(placed);
	}

	private static int number(String value, int bound) {
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= 0 && number < bound) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the problem below
		}
		throw new Unanswerable(Problem.MALFORMED);
	}

	/** Thrown inside reading only; never leaves this class. */
	private static final class Unanswerable extends RuntimeException {

		private final transient Problem problem;

		Unanswerable(Problem problem) {
			super(null, null, false, false);
			this.problem = problem;
		}

	}

}
