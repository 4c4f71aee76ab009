package org.safesteps.progress;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.Grader;
import org.safesteps.quiz.QuizResult;

/**
 * Grades a quiz on the server and records it once per submission id: a double click, a back-and-
 * resubmit or a retry after a timeout shows the first result and records nothing more.
 */
@Service
public class QuizSubmissions {

	private final AttemptStore attempts;

	private final ProgressStore progress;

	private final Clock clock;

	public QuizSubmissions(AttemptStore attempts, ProgressStore progress, Clock clock) {
		this.attempts = attempts;
		this.progress = progress;
		this.clock = clock;
	}

	/**
	 * The result of an earlier submission with this id by this learner, graded again from its
	 * stored answers; empty if there was none (or it was someone else's).
	 */
	public Optional<QuizResult> earlier(String submissionId, String learnerId, Quiz quiz) {
		return this.attempts.findBySubmissionId(submissionId)
			.filter((attempt) -> attempt.learnerId().equals(learnerId))
			.map((attempt) -> Grader.grade(quiz, attempt.chosen()));
	}

	/**
	 * Grades and records; on the first recording the module is marked completed and the best score
	 * kept. Throws {@link IllegalArgumentException} if the id was already used by another learner.
	 */
	public QuizResult submit(Owner owner, Module module, Quiz quiz, String contentVersion, String submissionId,
			Map<String, List<String>> chosen) {
		QuizResult result = Grader.grade(quiz, chosen);
		List<Attempt.Answer> answers = result.questions()
			.stream()
			.map((q) -> new Attempt.Answer(q.question().id(), q.chosenIds(), q.correct()))
			.toList();
		Attempt attempt = new Attempt(null, submissionId, owner.learnerId(), owner.classId(), module.id(),
				owner.band().name(), contentVersion, answers, result.score(), result.correctCount(),
				result.questionCount(), this.clock.instant());
		AttemptStore.Recorded recorded = this.attempts.record(attempt);
		if (!recorded.first()) {
			if (!recorded.attempt().learnerId().equals(owner.learnerId())) {
				throw new IllegalArgumentException("Submission id used by another learner");
			}
			return Grader.grade(quiz, recorded.attempt().chosen());
		}
		int steps = module.lesson(owner.band()).map((lesson) -> lesson.steps().size()).orElse(0);
		this.progress.recordAttempt(owner, module.id(), result.score(), steps);
		return result;
	}

}
