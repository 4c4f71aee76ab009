package org.safesteps.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;

/** A quiz page's form as a browser sends it back: its submission id, its option order, the answers. */
public final class QuizForms {

	private static final Pattern ORDER = Pattern.compile("name=\"order\" value=\"([^\"]+)\"");

	private static final Pattern SUBMISSION = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");

	private QuizForms() {
	}

	public static String submissionId(String page) {
		Matcher id = SUBMISSION.matcher(page);
		if (!id.find()) {
			throw new IllegalStateException("no submission id on the page");
		}
		return id.group(1);
	}

	/** The option order the quiz page shows this learner, read from the form as a browser sends it. */
	public static DisplayOrder order(String page) {
		Matcher key = ORDER.matcher(page);
		if (!key.find()) {
			throw new IllegalStateException("no option order on the page");
		}
		return DisplayOrder.fromKey(key.group(1)).orElseThrow();
	}

	/**
	 * Form fields answering every question on the quiz page right, or every question wrong, in the
	 * order the page shows them; with the page's hidden option order field, as a browser sends it.
	 */
	public static List<Map.Entry<String, String>> answers(Quiz quiz, String page, boolean right) {
		DisplayOrder order = order(page);
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		fields.add(Map.entry("order", order.key()));
		for (Question question : quiz.questions()) {
			List<Option> shown = order.of(question);
			String field = "q-" + question.id();
			if (question.type() == QuestionType.ORDER) {
				for (int i = 0; i < shown.size(); i++) {
					int place = right ? question.options().indexOf(shown.get(i)) + 1 : i + 1;
					fields.add(Map.entry(field + "-" + i, Integer.toString(place)));
				}
				continue;
			}
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i).correct() == right) {
					fields.add(Map.entry(field, Integer.toString(i)));
					if (!right || question.type() != QuestionType.MULTIPLE) {
						break;
					}
				}
			}
		}
		return fields;
	}

}
