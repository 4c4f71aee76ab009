package org.safesteps.learner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Delayed answers to wrong codes hold request threads: how many may wait, per client and in all. */
class JoinLimiterTest {

	private static final long DELAY_MS = 400;

	@Test
	void oneClientGetsOnlyTheDelaysBetweenSlowDownAndRefusalEvenWhenSendingAtOnce() throws Exception {
		JoinLimiter limiter = new JoinLimiter(new JoinLimits(6, Duration.ofMinutes(10), 2, Duration.ofMillis(DELAY_MS)),
				Clock.systemUTC());
		String client = limiter.clientKey("192.0.2.7");

		List<Long> took = atOnce(20, (i) -> limiter.failed(client));

		assertThat(took.stream().filter((ms) -> ms >= DELAY_MS)).as("wrong codes 3 to 6 of 6 are delayed").hasSize(4);
		assertThat(limiter.refused(client)).isTrue();
	}

	@Test
	void noMoreThanEightAnswersWaitAtOnceWhateverTheClients() throws Exception {
		JoinLimiter limiter = new JoinLimiter(new JoinLimits(100, Duration.ofMinutes(10), 0, Duration.ofMillis(DELAY_MS)),
				Clock.systemUTC());

		List<Long> took = atOnce(24, (i) -> limiter.failed(limiter.clientKey("198.51.100." + i)));

		assertThat(took.stream().filter((ms) -> ms >= DELAY_MS)).hasSize(JoinLimiter.MAX_DELAYED);
		assertThat(took.stream().filter((ms) -> ms < DELAY_MS / 2)).as("the others are answered at once")
			.hasSize(24 - JoinLimiter.MAX_DELAYED);
	}

	/** Runs the calls on as many threads, released together; each call's time in milliseconds. */
	private static List<Long> atOnce(int calls, java.util.function.IntConsumer call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls);
		try {
			CountDownLatch ready = new CountDownLatch(calls);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Long>> futures = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					long start = System.nanoTime();
					call.accept(index);
					return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				}));
			}
			ready.await();
			go.countDown();
			List<Long> took = new ArrayList<>();
			for (Future<Long> future : futures) {
				took.add(future.get(10, TimeUnit.SECONDS));
			}
			return took;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
