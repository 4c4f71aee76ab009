package org.safesteps.learner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.progress.Attempt;
import org.safesteps.progress.AttemptStore;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.quiz.Grader;
import org.safesteps.quiz.QuizResult;

/**
 * A learner's own quiz results, to go back over what they got wrong without retaking the quiz:
 * per module, the best and the last score, and the last attempt graded again from its stored
 * answers (the content may have changed since; grading is by option id, so it still reads right).
 */
@Component
class MyResults {

	private final AttemptStore attempts;

	private final Curriculum curriculum;

	MyResults(AttemptStore attempts, Curriculum curriculum) {
		this.attempts = attempts;
		this.curriculum = curriculum;
	}

	/** One quiz the learner has taken. Public for the template's compiled property reads. */
	public record Taken(Module module, int best, int last, int times) {
	}

	/** Every quiz of the learner's band they have taken, in the curriculum's order. */
	List<Taken> taken(Learner learner) {
		Map<String, List<Attempt>> byModule = this.attempts.forLearner(learner.id())
			.stream()
			.collect(Collectors.groupingBy(Attempt::moduleId));
		List<Taken> taken = new ArrayList<>();
		for (Module module : this.curriculum.modulesFor(learner.band())) {
			List<Attempt> mine = byModule.getOrDefault(module.id(), List.of());
			if (mine.isEmpty() || module.quiz(learner.band()).isEmpty()) {
				continue;
			}
			int best = mine.stream().mapToInt(Attempt::score).max().orElse(0);
			taken.add(new Taken(module, best, last(mine).score(), mine.size()));
		}
		return taken;
	}

	/** The learner's last result for a module, in the order they saw the options; empty if none. */
	Optional<QuizResult> last(Learner learner, Module module, Quiz quiz) {
		List<Attempt> mine = this.attempts.forLearner(learner.id())
			.stream()
			.filter((attempt) -> attempt.moduleId().equals(module.id()))
			.toList();
		if (mine.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(Grader.grade(quiz, last(mine).chosen()).inOrderShown(DisplayOrder.forLearner(learner.id())));
	}

	private static Attempt last(List<Attempt> attempts) {
		return attempts.stream()
			.max(Comparator.comparing(Attempt::createdAt, Comparator.nullsFirst(Comparator.naturalOrder())))
			.orElseThrow();
	}

}
