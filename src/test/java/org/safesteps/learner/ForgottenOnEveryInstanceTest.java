package org.safesteps.learner;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.safesteps.SafeStepsApplication;
import org.safesteps.content.Band;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances against one database, each keeping learners in memory for one second: a learner
 * deleted on one instance stops being recognised there at once and on the other within its
 * {@code keep-for}.
 */
class ForgottenOnEveryInstanceTest {

	private static final Duration KEEP_FOR = Duration.ofSeconds(1);

	/** Far beyond {@link #KEEP_FOR}, for a slow shared machine; the test ends as soon as it holds. */
	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final String STEP = "/learn/trusted-adults?step=2";

	static MongoServer database;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeAll
	static void startOneDatabaseAndTwoInstances() {
		database = new MongoServer(new MemoryBackend());
		InetSocketAddress address = database.bind();
		String uri = "mongodb://127.0.0.1:" + address.getPort() + "/safesteps";
		a = instance(uri);
		b = instance(uri);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		database.shutdownNow();
	}

	private static ConfigurableApplicationContext instance(String uri) {
		return new SpringApplicationBuilder(SafeStepsApplication.class).web(WebApplicationType.SERVLET)
			.run("--MONGODB_URI=" + uri, "--server.port=0", "--spring.jmx.enabled=false",
					"--safesteps.learner-lookup.keep-for=" + KEEP_FOR.toMillis() + "ms",
					"--safesteps.retention.first-run-after=1h");
	}

	@Test
	void aLearnerDeletedOnOneInstanceIsRefusedThereAtOnceAndOnTheOtherWithinTheKeepTime() throws Exception {
		String token = Secrets.newToken();
		Learner learner = a.getBean(LearnerStore.class).create(null, Band.AGES_8_10, Secrets.sha256(token));
		assertThat(step(a, token).statusCode()).isEqualTo(200);
		assertThat(step(b, token).statusCode()).as("B keeps the learner now").isEqualTo(200);

		a.getBean(Learners.class).delete(learner.id());

		assertThat(step(a, token).statusCode()).as("the deleting instance forgets at once").isEqualTo(302);
		long start = System.nanoTime();
		int status = step(b, token).statusCode();
		while (status == 200 && System.nanoTime() - start < BOUND.toNanos()) {
			Thread.sleep(100);
			status = step(b, token).statusCode();
		}
		assertThat(status).as("the other instance stops recognising the learner").isEqualTo(302);
		assertThat(step(b, token).headers().firstValue("Location")).get().asString().endsWith("/explore");
	}

	private HttpResponse<String> step(ConfigurableApplicationContext instance, String token) throws Exception {
		int port = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + STEP))
			.header("Cookie", LearnerCookie.NAME + "=" + token)
			.timeout(Duration.ofSeconds(20))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
