package org.safesteps.progress;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import org.safesteps.content.Module;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.Grader;
import org.safesteps.quiz.QuizResult;

/**
 * Grades a quiz on the server and records it once per submission id: a double click, a back-and-
 * resubmit or a retry after a timeout shows the first result and records nothing more. The attempt
 * is written first and progress second (no transactions), both in a batch with the submissions
 * arriving at the same time ({@link QuizWrites}); the progress write counts each submission id once,
 * so every resubmission runs it again: a retry after a failure between the two writes completes what
 * the first try started.
 */
@Service
public class QuizSubmissions {

	private final AttemptStore attempts;

	private final ProgressStore progress;

	private final QuizWrites writes;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	QuizSubmissions(AttemptStore attempts, ProgressStore progress, QuizWrites writes, Clock clock,
			ApplicationEventPublisher events) {
		this.attempts = attempts;
		this.progress = progress;
		this.writes = writes;
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
	 * kept. The writes go with those of the submissions arriving at the same time ({@link QuizWrites});
	 * this returns once they are durable. Throws {@link IllegalArgumentException} if the id was already
	 * used by another learner, and {@link LearnerGoneException} (nothing stored) if the learner is not
	 * in the database: the batch reads the learners as they are now, so the caller may pass a kept
	 * copy.
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
		QuizWrites.Written written = this.writes.write(new QuizWrites.Submission(attempt, owner, stepsTotal(owner, module)));
		if (written == QuizWrites.Written.LEARNER_GONE) {
			throw new LearnerGoneException(owner.learnerId());
		}
		if (written == QuizWrites.Written.DUPLICATE) {
			return resubmitted(owner, module, quiz, submissionId);
		}
		if (written == QuizWrites.Written.PROGRESS_LEFT) {
			writeProgress(owner, module, attempt);
		}
		this.events.publishEvent(new QuizRecorded(owner.learnerId(), owner.classId(), module.id(), result.score(),
				attempt.createdAt()));
		return result;
	}

	/**
	 * A submission id recorded before: completes what an earlier try may have left undone between its
	 * two writes, and shows the first result.
	 */
	private QuizResult resubmitted(Owner owner, Module module, Quiz quiz, String submissionId) {
		Attempt first = this.attempts.findBySubmissionId(submissionId)
			.orElseThrow(() -> new DuplicateKeyException("Submission id taken, attempt not found: deleted meanwhile"));
		if (!first.learnerId().equals(owner.learnerId())) {
			throw new IllegalArgumentException("Submission id used by another learner");
		}
		recordProgress(owner, module, first);
		return Grader.grade(quiz, first.chosen());
	}

	/** Writes progress for an attempt unless it is counted already (one read when nothing was lost). */
	private void recordProgress(Owner owner, Module module, Attempt attempt) {
		if (!this.progress.counted(owner.learnerId(), module.id(), attempt.submissionId())) {
			writeProgress(owner, module, attempt);
		}
	}

	private void writeProgress(Owner owner, Module module, Attempt attempt) {
		this.progress.recordAttempt(owner, module.id(), attempt.submissionId(), attempt.score(), attempt.createdAt(),
				stepsTotal(owner, module));
	}

	private static int stepsTotal(Owner owner, Module module) {
		return module.lesson(owner.band()).map((lesson) -> lesson.steps().size()).orElse(0);
	}

}
