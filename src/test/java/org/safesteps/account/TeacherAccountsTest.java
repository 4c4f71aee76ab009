package org.safesteps.account;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins invite and disable teachers (sign-in limits: limits/RateLimitTest). */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeacherAccountsTest {

	private static final Pattern INVITE = Pattern.compile("(/invite/[A-Za-z0-9_-]+)");

	private static final String PASSWORD = "a long admin passphrase";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	Invites invites;

	@Autowired
	MongoTemplate mongo;

	Account admin;

	@BeforeEach
	void anAdmin() {
		this.admin = this.accounts.create("admin-" + UUID.randomUUID() + "@school.example", "Head", PASSWORD, true);
	}

	@Test
	void inviteLinkWhenAcceptedCreatesATeacherWhoCanSignInAndTheLinkThenStopsWorking(CapturedOutput output) {
		String email = "new-" + UUID.randomUUID() + "@school.example";
		Browserless adminBrowser = signIn(this.admin.email(), PASSWORD);
		HttpResponse<String> list = adminBrowser.get("/admin/teachers");
		assertThat(list.statusCode()).isEqualTo(200);
		HttpResponse<String> created = adminBrowser.post("/admin/teachers", list.body(), Map.of("email", email));
		assertThat(created.statusCode()).isEqualTo(302);
		String page = adminBrowser.get("/admin/teachers").body();
		Matcher link = INVITE.matcher(page);
		assertThat(link.find()).as("the invitation link is shown to the admin").isTrue();
		assertThat(adminBrowser.get("/admin/teachers").body()).as("shown once").doesNotContain(link.group(1))
			.contains(email);
		String token = link.group(1).substring("/invite/".length());
		assertThat(this.mongo.exists(Query.query(Criteria.where("tokenHash").is(token)), "invites"))
			.as("only the hash is stored").isFalse();

		Browserless teacher = new Browserless(this.port);
		HttpResponse<String> form = teacher.get(link.group(1));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains(email);
		HttpResponse<String> weak = teacher.post(link.group(1), form.body(),
				Map.of("name", "Grace", "password", "password1234"));
		assertThat(weak.statusCode()).isEqualTo(200);
		assertThat(weak.body()).contains("This password is too common");
		HttpResponse<String> done = teacher.post(link.group(1), weak.body(),
				Map.of("name", "Grace Teacher", "password", "maple river lantern seven"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/login?invited");
		assertThat(this.accounts.findByEmail(email)).hasValueSatisfying((account) -> {
			assertThat(account.name()).isEqualTo("Grace Teacher");
			assertThat(account.isAdmin()).isFalse();
		});

		HttpResponse<String> reused = new Browserless(this.port).get(link.group(1));
		assertThat(reused.statusCode()).as("a used link is refused").isEqualTo(410);
		assertThat(reused.body()).contains("This invitation link does not work");
		assertThat(teacher.post(link.group(1), form.body(), Map.of("name", "Mallory", "password", "another long passphrase"))
			.statusCode()).isEqualTo(410);
		signIn(email, "maple river lantern seven");
		assertThat(output.getAll()).doesNotContain(token).doesNotContain("maple river lantern seven");
	}

	@Test
	void expiredOrUnknownInviteLinkWhenOpenedThenRefused() {
		String token = this.invites.create("late-" + UUID.randomUUID() + "@school.example", this.admin.id());
		this.mongo.updateFirst(Query.query(Criteria.where("tokenHash").is(Invites.hash(token))),
				Update.update("expiresAt", Instant.now().minusSeconds(1)), Invite.class);
		Browserless browser = new Browserless(this.port);
		assertThat(browser.get("/invite/" + token).statusCode()).isEqualTo(410);
		assertThat(browser.get("/invite/" + "x".repeat(43)).statusCode()).isEqualTo(410);
		String login = browser.get("/login").body();
		assertThat(browser.post("/invite/" + token, login, Map.of("name", "Late", "password", "a long enough passphrase"))
			.statusCode()).isEqualTo(410);
	}

	@Test
	void inviteWhenAnAccountHasTheAddressThenTheAdminIsTold() {
		Browserless adminBrowser = signIn(this.admin.email(), PASSWORD);
		HttpResponse<String> list = adminBrowser.get("/admin/teachers");
		HttpResponse<String> refused = adminBrowser.post("/admin/teachers", list.body(),
				Map.of("email", this.admin.email()));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("There is already an account with this e-mail address.");
	}

	@Test
	void disabledAccountWhenSignedInLosesItsSessionAndCannotSignInAgain() {
		Account teacher = this.accounts.create("t-" + UUID.randomUUID() + "@school.example", "Ted", PASSWORD, false);
		Browserless teacherBrowser = signIn(teacher.email(), PASSWORD);
		assertThat(teacherBrowser.get("/teacher").statusCode()).isEqualTo(200);

		Browserless adminBrowser = signIn(this.admin.email(), PASSWORD);
		String list = adminBrowser.get("/admin/teachers").body();
		assertThat(adminBrowser.post("/admin/teachers/" + teacher.id() + "/status", list, Map.of("status", "DISABLED"))
			.statusCode()).isEqualTo(302);
		assertThat(this.accounts.findById(teacher.id()).orElseThrow().isActive()).isFalse();

		HttpResponse<String> after = teacherBrowser.get("/teacher");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");

		Browserless again = new Browserless(this.port);
		HttpResponse<String> refused = again.post("/login", again.get("/login").body(),
				Map.of("username", teacher.email(), "password", PASSWORD));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(again.get("/login?error").body()).contains("That e-mail address and password do not match");
		assertThat(again.get("/teacher").statusCode()).isEqualTo(302);

		assertThat(adminBrowser.post("/admin/teachers/" + this.admin.id() + "/status", list,
				Map.of("status", "DISABLED")).statusCode()).as("an admin cannot lock themselves out").isEqualTo(400);
	}

	@Test
	void adminPagesWhenATeacherThenForbidden() {
		Account teacher = this.accounts.create("t-" + UUID.randomUUID() + "@school.example", "Ted", PASSWORD, false);
		Browserless browser = signIn(teacher.email(), PASSWORD);
		assertThat(browser.get("/admin/teachers").statusCode()).isEqualTo(403);
	}

	private Browserless signIn(String email, String password) {
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> done = browser.post("/login", browser.get("/login").body(),
				Map.of("username", email, "password", password));
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
		return browser;
	}

}
