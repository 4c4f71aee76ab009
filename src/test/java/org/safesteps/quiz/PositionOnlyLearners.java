package org.safesteps.quiz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;

/**
 * Simulated learners who answer by position alone, never reading a word: the measure of whether a
 * quiz score says anything about learning. Each strategy is scored over every quiz of every band
 * and compared with a learner who picks at random.
 */
final class PositionOnlyLearners {

	/** How a learner who does not read picks an answer. */
	enum Strategy {

		/** The first option shown ("True" for true/false); one tick on multiple; order items as shown. */
		FIRST,
		/** The longest option shown (the first of them on a tie); one tick on multiple; order items as shown. */
		LONGEST,
		/** "False" on every true/false question; scored over true/false questions only. */
		ALWAYS_FALSE;

		boolean answers(Question question) {
			return this != ALWAYS_FALSE || question.type() == QuestionType.TRUE_FALSE;
		}

	}

	/** Averages over every quiz, in percentage points. */
	record Score(Strategy strategy, double score, double chance) {

		double aboveChance() {
			return this.score - this.chance;
		}

		@Override
		public String toString() {
			return "%s: %.1f%% (chance %.1f%%, %+.1f points)".formatted(this.strategy, this.score, this.chance,
					aboveChance());
		}

	}

	private final Curriculum curriculum;

	/** The options a learner sees for a question, in the order shown. */
	private final BiFunction<Question, String, List<Option>> shown;

	private final int learners;

	PositionOnlyLearners(Curriculum curriculum, BiFunction<Question, String, List<Option>> shown, int learners) {
		this.curriculum = curriculum;
		this.shown = shown;
		this.learners = learners;
	}

	/** Each strategy's score averaged over every quiz of every band (each quiz counts once). */
	Score score(Strategy strategy) {
		double scores = 0;
		double chances = 0;
		int quizzes = 0;
		for (Module module : this.curriculum.modules()) {
			for (Quiz quiz : module.quizzes().values()) {
				List<Question> answered = quiz.questions().stream().filter(strategy::answers).toList();
				if (answered.isEmpty()) {
					continue;
				}
				scores += averageScore(strategy, answered);
				chances += 100.0 * answered.stream().mapToDouble(PositionOnlyLearners::chance).average().orElse(0);
				quizzes++;
			}
		}
		return new Score(strategy, scores / quizzes, chances / quizzes);
	}

	private double averageScore(Strategy strategy, List<Question> answered) {
		Quiz quiz = new Quiz(answered);
		double total = 0;
		for (int learner = 0; learner < this.learners; learner++) {
			String learnerId = "simulated-learner-" + learner;
			Map<String, List<String>> chosen = new java.util.LinkedHashMap<>();
			for (Question question : answered) {
				chosen.put(question.id(), answer(strategy, question, this.shown.apply(question, learnerId)));
			}
			total += 100.0 * Grader.grade(quiz, chosen).correctCount() / answered.size();
		}
		return total / this.learners;
	}

	static List<String> answer(Strategy strategy, Question question, List<Option> shown) {
		if (question.type() == QuestionType.ORDER) {
			return shown.stream().map(Option::id).toList();
		}
		Option pick = switch (strategy) {
			case FIRST -> shown.get(0);
			case LONGEST -> shown.stream().max(Comparator.comparingInt((Option option) -> option.text().length())
				.thenComparing(option -> -shown.indexOf(option))).orElseThrow();
			case ALWAYS_FALSE -> question.option("false").orElseThrow();
		};
		return new ArrayList<>(List.of(pick.id()));
	}

	/** The chance a learner picking uniformly among the possible answers gets the question right. */
	static double chance(Question question) {
		int n = question.options().size();
		return switch (question.type()) {
			case SINGLE, SCENARIO, TRUE_FALSE -> 1.0 / n;
			case MULTIPLE -> 1.0 / (Math.pow(2, n) - 1);
			case ORDER -> 1.0 / factorial(n);
		};
	}

	private static double factorial(int n) {
		double result = 1;
		for (int i = 2; i <= n; i++) {
			result *= i;
		}
		return result;
	}

}
