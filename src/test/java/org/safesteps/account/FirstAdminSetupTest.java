package org.safesteps.account;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A new installation without configured admin: the log's one-time link leads to /setup. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.test.fresh-context=first-admin-setup")
@DirtiesContext
class FirstAdminSetupTest {

	private static final Pattern LINK = Pattern.compile("/setup\\?token=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	MongoTemplate mongo;

	@Test
	void theOneTimeSetupLinkCreatesTheFirstAdminWhoCanThenSignIn(CapturedOutput output) {
		Matcher link = LINK.matcher(output.getAll());
		assertThat(link.find()).as("setup link in the log").isTrue();
		String token = link.group(1);
		Browserless browser = new Browserless(this.port);

		assertThat(browser.get("/setup?token=wrong").statusCode()).isEqualTo(404);
		// the token is in the database: a link printed by another instance opens here, an expired one does not
		String fromOtherInstance = new SetupTokens(this.mongo, Clock.systemUTC()).create();
		assertThat(browser.get("/setup?token=" + fromOtherInstance).statusCode()).isEqualTo(200);
		String expired = new SetupTokens(this.mongo, Clock.offset(Clock.systemUTC(), SetupTokens.VALID_FOR.negated()))
			.create();
		assertThat(browser.get("/setup?token=" + expired).statusCode()).isEqualTo(404);
		assertThat(this.mongo.getCollection(SetupTokens.COLLECTION).find().into(new ArrayList<>()))
			.as("only hashes are stored")
			.noneMatch((stored) -> stored.toJson().contains(token) || stored.toJson().contains(fromOtherInstance));
		HttpResponse<String> form = browser.get("/setup?token=" + token);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Create the first admin account");

		HttpResponse<String> weak = browser.post("/setup", form.body(),
				Map.of("token", token, "email", "head@school.example", "name", "Ada Head", "password", "password1234"));
		assertThat(weak.statusCode()).isEqualTo(200);
		assertThat(weak.body()).contains("This password is too common").doesNotContain("password1234")
			.contains("value=\"head@school.example\"");
		assertThat(this.accounts.adminExists()).isFalse();

		HttpResponse<String> done = browser.post("/setup", weak.body(), Map.of("token", token, "email",
				"Head@School.example", "name", "Ada Head", "password", "correct horse battery staple"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?setupDone");
		assertThat(this.accounts.findByEmail("head@school.example")).hasValueSatisfying((account) -> {
			assertThat(account.isAdmin()).isTrue();
			assertThat(account.passwordHash()).startsWith("{bcrypt}").doesNotContain("correct horse");
		});
		assertThat(browser.get("/setup?token=" + token).statusCode()).as("the link works once").isEqualTo(404);
		assertThat(browser.get("/setup?token=" + fromOtherInstance).statusCode()).as("and no other link after it")
			.isEqualTo(404);
		assertThat(this.mongo.getCollection(SetupTokens.COLLECTION).countDocuments()).isZero();

		HttpResponse<String> login = browser.get("/login");
		HttpResponse<String> signedIn = browser.post("/login", login.body(),
				Map.of("username", "head@school.example", "password", "correct horse battery staple"));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
		assertThat(output.getAll()).doesNotContain("correct horse battery staple").doesNotContain("head@school.example");
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> refused = browser.postRaw("/login",
				Map.of("username", "someone@school.example", "password", "whatever whatever"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("This page is not open to you").doesNotContain("Exception");
	}

}
