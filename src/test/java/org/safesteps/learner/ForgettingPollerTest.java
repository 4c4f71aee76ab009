package org.safesteps.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The reading of the forgotten learners' log, with a log in a list and a clock the test moves: the
 * times of the entries are the database server's, unrelated to this instance's clock.
 */
class ForgettingPollerTest {

	static final Duration TRUST_FOR = Duration.ofSeconds(5);

	/** The server's clock, far from the instance's (which starts at zero nanoseconds). */
	static final Instant SERVER = Instant.parse("2026-12-06T09:00:00Z");

	final List<ForgottenLearners.Entry> log = new ArrayList<>();

	final List<Instant> asked = new ArrayList<>();

	final List<Instant> pruned = new ArrayList<>();

	final Set<String> forgotten = new HashSet<>();

	final AtomicInteger forgetAlls = new AtomicInteger();

	long nanos;

	boolean down;

	final ForgettingPoller poller = new ForgettingPoller(new ForgettingPoller.Log() {

		@Override
		public List<ForgottenLearners.Entry> since(Instant from) {
			if (ForgettingPollerTest.this.down) {
				throw new IllegalStateException("database down");
			}
			ForgettingPollerTest.this.asked.add(from);
			return ForgettingPollerTest.this.log.stream().filter((entry) -> from == null || !entry.at().isBefore(from)).toList();
		}

		@Override
		public void deleteBefore(Instant before) {
			ForgettingPollerTest.this.pruned.add(before);
		}

	}, this.forgotten::addAll, this.forgetAlls::incrementAndGet, TRUST_FOR, () -> this.nanos);

	@Test
	void keptLearnersAreNotTrustedBeforeTheFirstReadAndTheFirstReadDropsThemAll() {
		this.log.add(entry("e1", "old", SERVER));
		assertThat(this.poller.trusted()).as("an instance starting reads every learner from the database").isFalse();

		this.poller.poll();

		assertThat(this.poller.trusted()).isTrue();
		assertThat(this.asked).containsExactly((Instant) null);
		assertThat(this.forgetAlls).hasValue(1);
		assertThat(this.forgotten).as("already covered by dropping them all").isEmpty();
	}

	@Test
	void eachEntryDropsItsLearnerOnceAndLaterReadsStartAtTheNewestEntrySeenLessTheOverlap() {
		this.poller.poll();
		this.log.add(entry("e1", "ann", SERVER));
		this.log.add(entry("e2", "bo", SERVER.plusSeconds(3)));
		second();
		this.poller.poll();
		assertThat(this.forgotten).containsExactlyInAnyOrder("ann", "bo");

		this.forgotten.clear();
		second();
		this.poller.poll();
		assertThat(this.forgotten).as("entries seen again in the overlap are not acted on again").isEmpty();
		assertThat(this.asked.get(this.asked.size() - 1)).isEqualTo(SERVER.plusSeconds(3).minus(ForgettingPoller.OVERLAP));
		assertThat(this.forgetAlls).hasValue(1);
	}

	@Test
	void anEntryThatBecomesVisibleAfterALaterOneIsStillFound() {
		this.poller.poll();
		this.log.add(entry("late", "cy", SERVER.plusSeconds(10)));
		second();
		this.poller.poll();
		// written (server time) two seconds before the one already seen, committed after it
		this.log.add(entry("early", "di", SERVER.plusSeconds(8)));
		second();
		this.poller.poll();
		assertThat(this.forgotten).containsExactlyInAnyOrder("cy", "di");
	}

	@Test
	void whenTheLogCannotBeReadKeptLearnersStopBeingTrustedAfterTrustForAndAreAllDroppedOnTheNextRead() {
		this.poller.poll();
		this.down = true;
		for (int i = 0; i < 5; i++) {
			second();
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this.poller::poll);
			assertThat(this.poller.trusted()).as("within trust-for of the last success").isTrue();
		}
		this.nanos += 1;
		assertThat(this.poller.trusted()).as("more than trust-for without a successful read").isFalse();

		this.down = false;
		this.log.add(entry("e1", "ed", SERVER));
		this.poller.poll();
		assertThat(this.poller.trusted()).isTrue();
		assertThat(this.forgetAlls).as("anything missed meanwhile goes with the rest").hasValue(2);
	}

	@Test
	void oldEntriesArePrunedByTheServersClockEveryTenMinutes() {
		this.log.add(entry("e1", "fay", SERVER));
		this.poller.poll();
		assertThat(this.pruned).containsExactly(SERVER.minus(ForgottenLearners.KEEP));
		second();
		this.poller.poll();
		assertThat(this.pruned).hasSize(1);
		this.nanos += ForgettingPoller.PRUNE_EVERY.toNanos();
		this.poller.poll();
		assertThat(this.pruned).hasSize(2);
	}

	private void second() {
		this.nanos += Duration.ofSeconds(1).toNanos();
	}

	private static ForgottenLearners.Entry entry(String id, String learnerId, Instant at) {
		return new ForgottenLearners.Entry(id, learnerId, at);
	}

}
