package org.safesteps.account;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "safesteps.admin.email=admin@school.example",
				"safesteps.admin.password=a long and unusual pass phrase" })
class ConfiguredAdminTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Test
	void theConfiguredAdminIsCreatedAtStartUpAndCanSignIn() {
		assertThat(this.accounts.findByEmail("ADMIN@school.example")).hasValueSatisfying((a) -> assertThat(a.isAdmin()).isTrue());
		Browserless browser = new Browserless(this.port);
		assertThat(browser.get("/login").headers().allValues("Set-Cookie")).as("no session before signing in")
			.noneMatch((cookie) -> cookie.startsWith("safesteps_session="));
		HttpResponse<String> signedIn = browser.post("/login", browser.get("/login").body(),
				Map.of("username", "admin@school.example", "password", "a long and unusual pass phrase"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
		assertThat(signedIn.headers().allValues("Set-Cookie")).as("a session starts on sign-in")
			.anyMatch((cookie) -> cookie.startsWith("safesteps_session=") && cookie.contains("HttpOnly"));
	}

	@Test
	void aWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> wrong = browser.post("/login", browser.get("/login").body(),
				Map.of("username", "admin@school.example", "password", "not the right pass phrase"));
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		HttpResponse<String> page = browser.get("/login?error");
		assertThat(page.body()).contains("That e-mail address and password do not match");
	}

}
