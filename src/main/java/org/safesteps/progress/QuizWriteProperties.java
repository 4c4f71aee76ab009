package org.safesteps.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How quiz submissions are written together ({@link QuizWrites}).
 *
 * @param maxBatch the most submissions in one bulk write
 * @param linger how long a writer waits for more submissions before writing a batch; 0 writes what
 *        is waiting at once (a batch then grows only with the submissions that arrived while the last
 *        one was being written, so a quiet server adds no wait)
 * @param timeout how long a request waits for its batch before it is answered as if the database were
 *        unreachable (503, the form kept to send again); longer than the two writes' own timeouts
 *        ({@code safesteps.storage.timeout} x 1.5 each), so it only ends a batch stuck beyond them
 * @param capacity the most submissions waiting at once; further ones are answered as unreachable at once
 * @param writers batches written at the same time: while one waits for the disk, the next is inserted
 */
@ConfigurationProperties("safesteps.quiz-writes")
public record QuizWriteProperties(@DefaultValue("128") int maxBatch, @DefaultValue("0ms") Duration linger,
		@DefaultValue("4s") Duration timeout, @DefaultValue("1024") int capacity, @DefaultValue("2") int writers) {

	WriteBatches.Limits limits() {
		return new WriteBatches.Limits(this.maxBatch, this.linger, this.timeout, this.capacity, this.writers);
	}

}
