package org.safesteps.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Buckets kept in the process: the limit holds, refills over its period, and refilled buckets go. */
class LocalBucketsTest {

	private static final Limit THREE_PER_MINUTE = new Limit(3, Duration.ofMinutes(1));

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final LocalBuckets buckets = new LocalBuckets(new TimeMeter() {
		@Override
		public long currentTimeNanos() {
			return LocalBucketsTest.this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}
	});

	@Test
	void aBucketAllowsItsLimitThenSaysHowLongToWaitAndRefillsOverItsPeriod() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.buckets.take("posts:a", THREE_PER_MINUTE).isConsumed()).isTrue();
		}
		ConsumptionProbe refused = this.buckets.take("posts:a", THREE_PER_MINUTE);
		assertThat(refused.isConsumed()).isFalse();
		assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.buckets.take("posts:b", THREE_PER_MINUTE).isConsumed()).as("another client").isTrue();

		advance(Duration.ofSeconds(20));
		assertThat(this.buckets.take("posts:a", THREE_PER_MINUTE).isConsumed()).isTrue();
		assertThat(this.buckets.take("posts:a", THREE_PER_MINUTE).isConsumed()).isFalse();
	}

	@Test
	void refilledBucketsAreForgottenAtTheNextSweepAndSpentOnesKept() {
		this.buckets.take("posts:refills", THREE_PER_MINUTE);
		for (int i = 0; i < 3; i++) {
			this.buckets.take("posts:spent", THREE_PER_MINUTE);
		}
		assertThat(this.buckets.size()).isEqualTo(2);

		// one token refills in 20 s: "refills" is full again, "spent" has one of three
		advance(Duration.ofSeconds(20));
		this.buckets.take("posts:new", THREE_PER_MINUTE);
		assertThat(this.buckets.size()).as("kept: spent, and the new one").isEqualTo(2);
		assertThat(this.buckets.take("posts:spent", THREE_PER_MINUTE).isConsumed()).isTrue();
		assertThat(this.buckets.take("posts:spent", THREE_PER_MINUTE).isConsumed()).as("the sweep kept its state")
			.isFalse();
	}

	@Test
	void aSweepComesOnlyEveryTenSeconds() {
		Limit threePerThreeSeconds = new Limit(3, Duration.ofSeconds(3));
		this.buckets.take("posts:a", threePerThreeSeconds);
		advance(Duration.ofSeconds(5));
		// "a" is full again, but no sweep is due yet
		this.buckets.take("posts:b", threePerThreeSeconds);
		assertThat(this.buckets.size()).isEqualTo(2);
		advance(Duration.ofSeconds(5));
		this.buckets.take("posts:c", threePerThreeSeconds);
		assertThat(this.buckets.size()).as("a and b refilled and swept").isEqualTo(1);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
