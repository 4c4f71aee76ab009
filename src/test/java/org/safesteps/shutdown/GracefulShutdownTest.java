package org.safesteps.shutdown;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.safesteps.SafeStepsApplication;
import org.safesteps.support.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code server.shutdown=graceful}, a request already being answered when the app is told to
 * stop gets its whole answer, and new connections are refused. The app runs in its own context
 * (not the shared test one) so it can be closed; the slow endpoint exists only here.
 */
class GracefulShutdownTest {

	static final CountDownLatch STARTED = new CountDownLatch(1);

	static final String BODY = "finished after a second ".repeat(200);

	@Test
	void requestInFlightWhenTheAppStopsThenFinishesAndNewConnectionsAreRefused() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SafeStepsApplication.class,
				SlowEndpoint.class)
			.run("--server.port=0");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		CompletableFuture<HttpResponse<String>> inFlight;
		long closing;
		try {
			inFlight = CompletableFuture.supplyAsync(() -> new Http(port).get("/test-only/slow"));
			assertThat(STARTED.await(10, TimeUnit.SECONDS)).as("the slow request reached the controller").isTrue();
		}
		finally {
			closing = System.nanoTime();
			context.close();
		}
		Duration closed = Duration.ofNanos(System.nanoTime() - closing);

		HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(BODY);
		// close() waited for the answer: the request was still sleeping when shutdown began
		assertThat(closed).isGreaterThan(Duration.ofMillis(500));
		assertThat(context.isActive()).isFalse();
		assertThatThrownBy(() -> new Http(port).get("/")).isInstanceOf(UncheckedIOException.class)
			.cause().isInstanceOf(ConnectException.class);
	}

	/** A page that takes a second, only in this test's context. */
	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class SlowEndpoint {

		@GetMapping("/test-only/slow")
		String slow() throws InterruptedException {
			STARTED.countDown();
			Thread.sleep(1000);
			return BODY;
		}

	}

}
