package org.safesteps.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facility and discrimination of each question of a quiz, computed as Moodle's quiz statistics
 * report computes them (moodle/moodle, question/classes/statistics/questions/calculator.php), over
 * each learner's first attempt with a question scoring 1 when right and 0 when not:
 * <ul>
 * <li>facility: the mean score on the question, as a percentage (the share of learners right);
 * <li>discrimination index: 100 times the correlation between the score on the question and the
 * score on the rest of the quiz (the learner's total minus this question), so a question that
 * learners who did well elsewhere get right, and the others miss, scores high; a negative value
 * means the stronger learners missed it more often, which usually means the wording misleads.
 * </ul>
 * The discrimination is undefined (null) when everyone scored the same on the question or on the
 * rest of the quiz: there is no spread to correlate.
 */
public final class ItemStatistics {

	private ItemStatistics() {
	}

	/** One question's statistics over {@code learners} first attempts. */
	public record Item(String questionId, int learners, int right, Double discrimination) {

		/** The share of learners right, 0-100 (Moodle's facility index). */
		public double facility() {
			return (this.learners == 0) ? 0 : 100.0 * this.right / this.learners;
		}

	}

	/**
	 * @param firstAttempts per learner, right or wrong per question id (a question a learner's attempt
	 * does not hold is left out of that learner's figures)
	 */
	public static Map<String, Item> of(List<Map<String, Boolean>> firstAttempts) {
		Map<String, List<double[]>> pairs = new LinkedHashMap<>();
		for (Map<String, Boolean> attempt : firstAttempts) {
			int total = (int) attempt.values().stream().filter(Boolean::booleanValue).count();
			attempt.forEach((questionId, right) -> {
				double mark = right ? 1 : 0;
				pairs.computeIfAbsent(questionId, (id) -> new ArrayList<>()).add(new double[] { mark, total - mark });
			});
		}
		Map<String, Item> items = new LinkedHashMap<>();
		pairs.forEach((questionId, marks) -> items.put(questionId, item(questionId, marks)));
		return items;
	}

	private static Item item(String questionId, List<double[]> marks) {
		int n = marks.size();
		double markMean = marks.stream().mapToDouble((m) -> m[0]).sum() / n;
		double restMean = marks.stream().mapToDouble((m) -> m[1]).sum() / n;
		double covariance = 0;
		double markVariance = 0;
		double restVariance = 0;
		for (double[] m : marks) {
			covariance += (m[0] - markMean) * (m[1] - restMean);
			markVariance += (m[0] - markMean) * (m[0] - markMean);
			restVariance += (m[1] - restMean) * (m[1] - restMean);
		}
		// the n - 1 of Moodle's sample (co)variances cancels out of the ratio
		Double discrimination = (markVariance == 0 || restVariance == 0) ? null
				: 100 * covariance / Math.sqrt(markVariance * restVariance);
		return new Item(questionId, n, (int) Math.round(markMean * n), discrimination);
	}

}
