package org.safesteps.storage;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HealthTest {

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedMongo mongo;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@AfterEach
	void restart() {
		this.mongo.start();
	}

	@Test
	void healthIsUpWhenTheDatabaseAnswersPing() {
		HttpResponse<String> response = this.http.get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void healthIsDownWithin2SecondsWhenTheDatabaseStopsAndUpAgainWhenItReturns() {
		this.mongo.stop();
		Instant before = Instant.now();
		HttpResponse<String> down = this.http.get("/actuator/health");
		assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(2));
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).contains("\"status\":\"DOWN\"");

		this.mongo.start();
		assertThat(this.http.get("/actuator/health").statusCode()).isEqualTo(200);
	}

}
