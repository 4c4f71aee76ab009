package org.safesteps.limits;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.support.Browserless;
import org.safesteps.support.TightLimits;

import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@TightLimits
class RateLimitTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AccountStore accounts;

	@Autowired
	MongoClient client;

	@Autowired
	RateLimitProperties properties;

	@Test
	void classCodesAreRefusedWith429AfterTheLimitPerClient() {
		Browserless client = client();
		client.get("/join");
		for (int i = 0; i < 3; i++) {
			assertThat(client.post("/join", Map.of("code", "ZZZZZZ")).body()).contains("We cannot find that code");
		}
		assertRefused(client.post("/join", Map.of("code", "ZZZZZZ")));
		assertRefused(client.post("/join/pictures", Map.of("p1", "A")));

		Browserless other = client();
		other.get("/join");
		assertThat(other.post("/join", Map.of("code", "ZZZZZZ")).statusCode()).isEqualTo(200);
	}

	@Test
	void resumeCodesHaveTheirOwnLimit() {
		Browserless client = client();
		client.get("/join");
		for (int i = 0; i < 3; i++) {
			assertThat(client.post("/join", Map.of("code", "ABCD-EFGH-JKMN")).statusCode()).isEqualTo(200);
		}
		assertRefused(client.post("/join", Map.of("code", "ABCDEFGHJKMN")));
		assertThat(client.post("/join", Map.of("code", "ZZZZZZ")).statusCode()).as("class codes still counted apart")
			.isEqualTo(200);
	}

	@Test
	void signInIsRefusedAfterTheLimitPerClient() {
		Browserless client = client();
		client.get("/login");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> wrong = client.post("/login",
					Map.of("username", "nobody" + i + "@school.example", "password", "wrong password here"));
			assertThat(wrong.statusCode()).isEqualTo(302);
		}
		assertRefused(client.post("/login", Map.of("username", "another@school.example", "password", "x")));
	}

	@Test
	void signInIsRefusedAfterTheLimitPerAccountFromAnyClient() {
		for (int i = 0; i < 2; i++) {
			Browserless client = client();
			client.get("/login");
			assertThat(client.post("/login", Map.of("username", "Target@School.example", "password", "guess " + i))
				.statusCode()).isEqualTo(302);
		}
		Browserless third = client();
		third.get("/login");
		assertRefused(third.post("/login", Map.of("username", " target@school.example", "password", "guess")));
	}

	@Test
	void signInIsRefusedTheSameWayWhetherOrNotTheAccountExistsEvenWithTheRightPassword() {
		Account teacher = this.accounts.create("limited-" + UUID.randomUUID() + "@school.example", "Lim",
				"a long enough passphrase", false);
		String unknown = "nobody-" + UUID.randomUUID() + "@school.example";
		for (String email : List.of(teacher.email(), unknown)) {
			for (int i = 0; i < 2; i++) {
				Browserless client = client();
				client.get("/login");
				assertThat(client.post("/login", Map.of("username", email, "password", "wrong " + i))
					.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
			}
		}
		Browserless client = client();
		client.get("/login");
		HttpResponse<String> existing = client.post("/login",
				Map.of("username", teacher.email(), "password", "a long enough passphrase"));
		HttpResponse<String> missing = client.post("/login", Map.of("username", unknown, "password", "anything"));
		assertRefused(existing);
		assertRefused(missing);
		assertThat(missing.body()).isEqualTo(existing.body());
	}

	@Test
	void invitationLinksAreRefusedAfterTheLimitPerClient() {
		Browserless client = client();
		for (int i = 0; i < 3; i++) {
			assertThat(client.get("/invite/guessed-token-" + i).statusCode()).isEqualTo(410);
		}
		assertRefused(client.get("/invite/guessed-token-4"));
	}

	@Test
	void everyFormSentCountsTowardsTheClientsCapOnPosts() {
		Browserless client = client();
		client.get("/join");
		for (int i = 0; i < 12; i++) {
			assertThat(client.post("/me/forget", Map.of()).statusCode()).isEqualTo(302);
		}
		assertRefused(client.post("/me/forget", Map.of()));
		assertThat(client.get("/me").statusCode()).as("pages can still be read").isEqualTo(200);
	}

	@Test
	void bucketsLiveInTheDatabaseSoEveryInstanceSharesThem() {
		RateLimits instanceA = RateLimits.shared(this.mongo, this.client, this.properties);
		RateLimits instanceB = RateLimits.shared(this.mongo, this.client, this.properties);
		Limit limit = new Limit(3, Duration.ofMinutes(10));
		assertThat(instanceA.take("shared", limit, "203.0.113.9")).isEmpty();
		assertThat(instanceB.take("shared", limit, "203.0.113.9")).isEmpty();
		assertThat(instanceA.take("shared", limit, "203.0.113.9")).isEmpty();
		assertThat(instanceB.take("shared", limit, "203.0.113.9")).hasValueSatisfying(
				(wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
		assertThat(this.mongo.getCollection(RateLimits.COLLECTION).find().into(new java.util.ArrayList<>()))
			.as("keys are hashed").noneMatch((document) -> document.toJson().contains("203.0.113.9"));
	}

	@Test
	void anAppOnItsEmbeddedDatabaseKeepsItsBucketsInProcess() {
		Browserless client = client();
		client.get("/join");
		for (int i = 0; i < 3; i++) {
			client.post("/join", Map.of("code", "ZZZZZZ"));
		}
		assertRefused(client.post("/join", Map.of("code", "ZZZZZZ")));
		// the shared buckets of the test above are named "shared:..."; the app's own are not in the database
		assertThat(this.mongo.getCollection(RateLimits.COLLECTION).find().into(new java.util.ArrayList<>()))
			.noneMatch((document) -> document.getString("_id").startsWith("join-codes:")
					|| document.getString("_id").startsWith("posts:"));
	}

	@Test
	void limitsAreWrittenAsRequestsPerPeriod() {
		assertThat(Limit.valueOf("60/10m")).isEqualTo(new Limit(60, Duration.ofMinutes(10)));
		assertThat(Limit.valueOf(" 5 / 30s ")).isEqualTo(new Limit(5, Duration.ofSeconds(30)));
	}

	private static void assertRefused(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(response.body()).contains("Please wait a moment").doesNotContain("Exception");
	}

	private Browserless client() {
		return new Browserless(this.port).from("198.51.100." + ADDRESSES.getAndIncrement());
	}

}
