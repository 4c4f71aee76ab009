package org.safesteps.lti;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/** /admin/lti: registering, editing, disabling and deleting a platform; the tool's key set and its rotation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LtiAdminTest {

	static final String PASSWORD = "long enough admin passphrase";

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	Registrations registrations;

	@Test
	void anAdminRegistersEditsDisablesAndDeletesAPlatformAndSeesTheToolsValues() {
		Browserless admin = admin();
		HttpResponse<String> page = admin.get("/admin/lti");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("http://localhost:" + this.port + "/lti/login")
			.contains("http://localhost:" + this.port + "/lti/launch").contains("http://localhost:" + this.port + "/lti/jwks");

		Map<String, String> form = form(UUID.randomUUID().toString());
		form.put("issuer", "not a url");
		form.put("deploymentIds", " \n ");
		HttpResponse<String> invalid = admin.post("/admin/lti", page.body(), form);
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("There is a problem").contains("Please fill this in.");

		String clientId = UUID.randomUUID().toString();
		HttpResponse<String> created = admin.post("/admin/lti", page.body(), form(clientId));
		assertThat(created.statusCode()).isEqualTo(302);
		Registration registration = this.registrations.find("https://moodle.school.example", clientId).orElseThrow();
		assertThat(registration.deploymentIds()).containsExactly("dep-1", "dep-2");
		assertThat(registration.enabled()).isTrue();
		assertThat(admin.get("/admin/lti").body()).contains("School Moodle").contains(clientId);

		HttpResponse<String> duplicate = admin.post("/admin/lti", page.body(), form(clientId));
		assertThat(duplicate.body()).contains("This issuer and client id are registered already.");

		HttpResponse<String> edit = admin.get("/admin/lti/" + registration.id());
		assertThat(edit.statusCode()).isEqualTo(200);
		Map<String, String> changed = form(clientId);
		changed.put("name", "Moodle (new name)");
		changed.put("createsTeachers", "true");
		assertThat(registration.sendsScores()).as("scores are off unless the admin turns them on").isFalse();
		assertThat(edit.body()).contains("Send quiz scores to the platform&#39;s gradebook");
		changed.put("sendsScores", "true");
		changed.put("scoreChoice", "LATEST");
		assertThat(admin.post("/admin/lti/" + registration.id(), edit.body(), changed).statusCode()).isEqualTo(302);
		assertThat(this.registrations.findById(registration.id()).orElseThrow().createsTeachers()).isTrue();
		assertThat(this.registrations.findById(registration.id()).orElseThrow().sendsScores()).isTrue();
		assertThat(this.registrations.findById(registration.id()).orElseThrow().scoreChoice())
			.isEqualTo(Registration.ScoreChoice.LATEST);
		assertThat(admin.get("/admin/lti").body()).contains("Each learner&#39;s latest score is sent to this platform.");
		assertThat(this.registrations.findById(registration.id()).orElseThrow().name()).isEqualTo("Moodle (new name)");

		assertThat(admin.post("/admin/lti/" + registration.id() + "/enabled", page.body(), Map.of("enabled", "false"))
			.statusCode()).isEqualTo(302);
		assertThat(new Browserless(this.port).get("/lti/login?iss=https%3A%2F%2Fmoodle.school.example&login_hint=x"
				+ "&target_link_uri=y&client_id=" + clientId).statusCode()).isEqualTo(403);

		assertThat(admin.post("/admin/lti/" + registration.id() + "/delete", page.body(), Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(this.registrations.findById(registration.id())).isEmpty();
		assertThat(admin.get("/admin/lti/" + registration.id()).statusCode()).isEqualTo(404);
	}

	@Test
	void theKeySetPublishesOnlyPublicKeysAndKeepsARotatedKeyForAWhile() throws Exception {
		JWKSet before = JWKSet.parse(new Browserless(this.port).get("/lti/jwks").body());
		assertThat(before.getKeys()).isNotEmpty().allSatisfy((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(((RSAKey) key).size()).isGreaterThanOrEqualTo(2048);
		});
		assertThat(new Browserless(this.port).get("/lti/jwks").body()).doesNotContain("\"d\"").doesNotContain("\"p\"");

		Browserless admin = admin();
		String page = admin.get("/admin/lti").body();
		assertThat(admin.post("/admin/lti/keys/rotate", page, Map.of()).statusCode()).isEqualTo(302);
		JWKSet after = JWKSet.parse(new Browserless(this.port).get("/lti/jwks").body());
		assertThat(after.getKeys().stream().map(JWK::getKeyID))
			.containsAll(before.getKeys().stream().map(JWK::getKeyID).toList())
			.hasSizeGreaterThan(before.getKeys().size());
	}

	private Browserless admin() {
		Account account = this.accounts.create("admin-" + UUID.randomUUID() + "@school.example", "Admin", PASSWORD, true);
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> login = browser.get("/login");
		assertThat(browser.post("/login", login.body(), Map.of("username", account.email(), "password", PASSWORD))
			.statusCode()).isEqualTo(302);
		return browser;
	}

	private static Map<String, String> form(String clientId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "School Moodle");
		form.put("issuer", "https://moodle.school.example");
		form.put("clientId", clientId);
		form.put("deploymentIds", "dep-1\ndep-2");
		form.put("authUrl", "https://moodle.school.example/mod/lti/auth.php");
		form.put("tokenUrl", "https://moodle.school.example/mod/lti/token.php");
		form.put("jwksUrl", "https://moodle.school.example/mod/lti/certs.php");
		form.put("frameOrigin", "");
		form.put("defaultBand", "AGES_11_13");
		return form;
	}

}
