package org.safesteps.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes quiz submissions arriving together as one batch (group commit on the client side): one
 * unordered bulk insert of their attempts ({@code w: 1, j: false}), then one unordered bulk write of
 * their progress with the client's write concern (majority, journaled), whose acknowledgement makes
 * the attempts durable with it (see {@link AttemptStore#UNJOURNALED}). Each request is answered
 * only after both, so nobody is told a submission was saved before it is on disk: on the embedded
 * server a batch costs one commit and one sync, on MongoDB one journal wait, however many
 * submissions it holds.
 * <p>
 * Exactly once stays with the unique submission id: a resubmission fails alone in the bulk insert
 * (duplicate key) and is answered {@link Written#DUPLICATE}, for the caller to show the first
 * result. A failed batch fails only its own requests, each answered as a failed single write would
 * be (503 and the form to send again, when the database is unreachable).
 */
@Component
@EnableConfigurationProperties(QuizWriteProperties.class)
class QuizWrites implements DisposableBean {

	/** One submission to write: its graded attempt and the progress to count it in. */
	record Submission(Attempt attempt, Owner owner, int stepsTotal) {
	}

	enum Written {

		/** The attempt and the progress are written and durable. */
		RECORDED,

		/**
		 * The attempt is written; its progress write failed alone (a parallel first write of the same
		 * learner's progress): the caller writes it on its own, acknowledged, before answering.
		 */
		PROGRESS_LEFT,

		/** The submission id was recorded before: nothing was written for this one. */
		DUPLICATE,

		/**
		 * The learner is not in the database (deleted since the page read a kept copy of them, on
		 * this instance or another): nothing was written for this one.
		 */
		LEARNER_GONE

	}

	private final AttemptStore attempts;

	private final ProgressStore progress;

	private final ClassRoster roster;

	private final WriteBatches<Submission, Written> batches;

	QuizWrites(AttemptStore attempts, ProgressStore progress, ClassRoster roster, QuizWriteProperties properties) {
		this.attempts = attempts;
		this.progress = progress;
		this.roster = roster;
		this.batches = new WriteBatches<>("safesteps-quiz-writes", properties.limits(), this::write);
	}

	/** Writes the submission with those arriving with it; returns once its batch is durable. */
	Written write(Submission submission) {
		return this.batches.write(submission);
	}

	private void write(List<WriteBatches.Entry<Submission, Written>> batch) {
		// the learners as the database has them now, in one read for the batch: the pages read kept
		// copies, and nothing may be stored for a learner deleted since (LearnController)
		Set<String> present = this.roster
			.present(batch.stream().map((entry) -> entry.item().owner().learnerId()).distinct().toList());
		Written[] written = new Written[batch.size()];
		RuntimeException[] failed = new RuntimeException[batch.size()];
		List<Integer> sent = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			if (present.contains(batch.get(i).item().owner().learnerId())) {
				sent.add(i);
			}
			else {
				written[i] = Written.LEARNER_GONE;
			}
		}
		Map<Integer, BulkWriteError> insertErrors = sent.isEmpty() ? Map.of()
				: this.attempts.insertAll(sent.stream().map((i) -> batch.get(i).item().attempt()).toList());
		// answers are given only at the end: a duplicate's caller reads the first attempt's progress,
		// which must not be seen before this batch's progress write is durable
		List<Integer> inserted = new ArrayList<>();
		for (int k = 0; k < sent.size(); k++) {
			int i = sent.get(k);
			BulkWriteError error = insertErrors.get(k);
			if (error == null) {
				inserted.add(i);
			}
			else if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
				written[i] = Written.DUPLICATE;
			}
			else {
				failed[i] = new DataIntegrityViolationException("Attempt not inserted: " + error.getMessage());
			}
		}
		if (!inserted.isEmpty()) {
			List<ProgressStore.Counting> countings = new ArrayList<>(inserted.size());
			for (int i : inserted) {
				Submission submission = batch.get(i).item();
				Attempt attempt = submission.attempt();
				countings.add(new ProgressStore.Counting(submission.owner(), attempt.moduleId(), attempt.submissionId(),
						attempt.score(), attempt.createdAt(), submission.stepsTotal()));
			}
			Map<Integer, BulkWriteError> progressErrors = this.progress.recordAttempts(countings);
			for (int j = 0; j < inserted.size(); j++) {
				written[inserted.get(j)] = progressErrors.containsKey(j) ? Written.PROGRESS_LEFT : Written.RECORDED;
			}
		}
		for (int i = 0; i < batch.size(); i++) {
			if (failed[i] != null) {
				batch.get(i).fail(failed[i]);
			}
			else {
				batch.get(i).complete(written[i]);
			}
		}
	}

	/** Writes what is queued and stops; runs after the web server has finished its requests. */
	@Override
	public void destroy() {
		this.batches.close();
	}

}
