package org.safesteps.progress;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.Grader;
import org.safesteps.quiz.QuizResult;

/**
 * Grades a quiz on the server and records it once per submission id: a double click, a back-and-
 * resubmit or a retry after a timeout shows the first result and records nothing more. The attempt
 * is written first and progress second (no transactions); the progress write counts each submission
 * id once, so every resubmission runs it again: a retry after a failure between the two writes
 * completes what the first try started.
 */
@Service
public class QuizSubmissions {

	private final AttemptStore attempts;

	private final ProgressStore progress;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	public QuizSubmissions(AttemptStore attempts, ProgressStore progress, Clock clock, ApplicationEventPublisher events) {
		this.attempts = attempts;
		this.progress = progress;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The result of an earlier submission with this id by this learner, graded again from its
	 * stored answers (and its progress recorded, if a failure stopped that); empty if there was none
	 * (or it was someone else's).
	 */
	public Optional<QuizResult> earlier(String submissionId, Owner owner, Module module, Quiz quiz) {
		return this.attempts.findBySubmissionId(submissionId)
			.filter((attempt) -> attempt.learnerId().equals(owner.learnerId()))
			.map((attempt) -> {
				recordProgress(owner, module, attempt);
				return Grader.grade(quiz, attempt.chosen());
			});
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
		if (recorded.first()) {
			Progress written = writeProgress(owner, module, recorded.attempt());
			int best = Math.max(result.score(), (written == null || written.bestScore() == null) ? 0 : written.bestScore());
			this.events.publishEvent(new QuizRecorded(owner.learnerId(), owner.classId(), module.id(), result.score(), best,
					recorded.attempt().createdAt()));
			return result;
		}
		if (!recorded.attempt().learnerId().equals(owner.learnerId())) {
			throw new IllegalArgumentException("Submission id used by another learner");
		}
		// a resubmission: completes what an earlier try may have left undone between its two writes
		recordProgress(owner, module, recorded.attempt());
		return Grader.grade(quiz, recorded.attempt().chosen());
	}

	/** Writes progress for an attempt unless it is counted already (one read when nothing was lost). */
	private void recordProgress(Owner owner, Module module, Attempt attempt) {
		if (!this.progress.counted(owner.learnerId(), module.id(), attempt.submissionId())) {
			writeProgress(owner, module, attempt);
		}
	}

	private Progress writeProgress(Owner owner, Module module, Attempt attempt) {
		int steps = module.lesson(owner.band()).map((lesson) -> lesson.steps().size()).orElse(0);
		return this.progress.recordAttempt(owner, module.id(), attempt.submissionId(), attempt.score(), attempt.createdAt(),
				steps);
	}

}
