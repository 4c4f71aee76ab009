package org.safesteps.lti;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep Linking 2.0 with the test platform: the instructor picks modules (a sensitive one only
 * after confirming its notes) and the platform receives a signed LtiDeepLinkingResponse that it
 * verifies with SafeSteps' published key set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LtiDeepLinkingTest {

	private static final Pattern RETURN_FORM = Pattern.compile(
			"<form id=\"deep-link-return\" method=\"post\" action=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"JWT\" value=\"([^\"]+)\">\\s*<button");

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	Curriculum curriculum;

	TestPlatform platform;

	@BeforeEach
	void platform() {
		this.platform = new TestPlatform();
		this.platform.register(this.registrations, true);
	}

	@AfterEach
	void close() {
		this.platform.close();
	}

	@Test
	void instructorPicksModulesAndThePlatformGetsASignedResponseItCanVerify() throws Exception {
		Module plain = module(false);
		Module sensitive = module(true);
		Browserless teacher = new Browserless(this.port);
		HttpResponse<String> launched = this.platform.claims(deepLinking(TestPlatform.INSTRUCTOR)).launch(teacher);
		assertThat(launched.statusCode()).isEqualTo(302);
		String picker = launched.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		assertThat(picker).startsWith("/lti/deep-link/").endsWith("?band=ages-11-13");
		String path = picker.substring(0, picker.indexOf('?'));

		HttpResponse<String> page = teacher.get(picker);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(HtmlUtils.htmlEscape(plain.title())).contains(HtmlUtils.htmlEscape(sensitive.title()))
			.contains(HtmlUtils.htmlEscape(sensitive.teacherNotes().summary()));
		assertThat(new Browserless(this.port).get(picker).statusCode()).as("another browser").isEqualTo(404);

		HttpResponse<String> unconfirmed = teacher.post(path, page.body(),
				Map.of("band", "ages-11-13", "moduleId", sensitive.id()));
		assertThat(unconfirmed.statusCode()).isEqualTo(200);
		assertThat(unconfirmed.body()).contains("You chose a sensitive module");

		HttpResponse<String> answered = teacher.post(path, page.body(),
				Map.of("band", "ages-11-13", "moduleId", sensitive.id(), "confirmed", "true"));
		assertThat(answered.statusCode()).isEqualTo(200);
		assertThat(answered.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("form-action 'self' " + TestPlatform.origin(this.platform.url("/")));
		Matcher form = RETURN_FORM.matcher(answered.body());
		assertThat(form.find()).as(answered.body()).isTrue();
		assertThat(HtmlUtils.htmlUnescape(form.group(1))).isEqualTo(this.platform.url("/return"));

		SignedJWT jwt = SignedJWT.parse(form.group(2));
		JWKSet toolKeys = JWKSet.parse(new Browserless(this.port).get("/lti/jwks").body());
		RSAKey key = (RSAKey) toolKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(this.platform.clientId);
		assertThat(claims.getAudience()).containsExactly(TestPlatform.ISSUER);
		assertThat(claims.getExpirationTime()).isInTheFuture();
		assertThat(claims.getClaim("nonce")).isNotNull();
		assertThat(claims.getClaim(Claims.MESSAGE_TYPE)).isEqualTo("LtiDeepLinkingResponse");
		assertThat(claims.getClaim(Claims.VERSION)).isEqualTo("1.3.0");
		assertThat(claims.getClaim(Claims.DEPLOYMENT_ID)).isEqualTo(this.platform.deploymentId);
		assertThat(claims.getClaim(Claims.DEEP_LINKING_DATA)).isEqualTo("platform-opaque-data");
		List<Object> items = claims.getListClaim(Claims.CONTENT_ITEMS);
		assertThat(items).singleElement().satisfies((item) -> {
			Map<?, ?> map = (Map<?, ?>) item;
			assertThat(map.get("type")).isEqualTo("ltiResourceLink");
			assertThat((String) map.get("url")).endsWith("/lti/launch");
			Map<?, ?> custom = (Map<?, ?>) map.get("custom");
			assertThat(custom.get("module")).isEqualTo(sensitive.id());
			assertThat(custom.get("band")).isEqualTo("ages-11-13");
			assertThat(map.containsKey("lineItem")).as("scores are off: no gradebook column is asked for").isFalse();
		});

		// one request, one answer
		assertThat(teacher.post(path, page.body(), Map.of("band", "ages-11-13", "moduleId", plain.id())).statusCode())
			.isEqualTo(404);
	}

	@Test
	void withScoresOnEachChosenModuleAsksThePlatformForAGradebookColumn() throws Exception {
		// a second platform, with scores on; closed after the test as the first one is
		this.platform.close();
		TestPlatform graded = new TestPlatform();
		this.platform = graded;
		graded.register(this.registrations, true, true, Registration.ScoreChoice.BEST);
		Module plain = module(false);
		Browserless teacher = new Browserless(this.port);
		String picker = graded.claims(deepLinking(TestPlatform.INSTRUCTOR)).launch(teacher).headers()
			.firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		HttpResponse<String> page = teacher.get(picker);
		HttpResponse<String> answered = teacher.post(picker.substring(0, picker.indexOf('?')), page.body(),
				Map.of("band", "ages-11-13", "moduleId", plain.id()));
		Matcher form = RETURN_FORM.matcher(answered.body());
		assertThat(form.find()).as(answered.body()).isTrue();
		List<Object> items = SignedJWT.parse(form.group(2)).getJWTClaimsSet().getListClaim(Claims.CONTENT_ITEMS);
		assertThat(items).singleElement().satisfies((item) -> {
			Map<?, ?> lineItem = (Map<?, ?>) ((Map<?, ?>) item).get("lineItem");
			assertThat(((Number) lineItem.get("scoreMaximum")).intValue()).isEqualTo(100);
			assertThat(lineItem.get("resourceId")).isEqualTo(plain.id() + "/ages-11-13");
			assertThat((String) lineItem.get("label")).startsWith(plain.title());
		});
	}

	@Test
	void aLearnerCannotAddActivities() {
		HttpResponse<String> refused = this.platform.claims(deepLinking(TestPlatform.LEARNER)).launch(new Browserless(this.port));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Only a course");
	}

	private Module module(boolean sensitive) {
		return this.curriculum.modulesFor(Band.AGES_11_13).stream().filter((m) -> m.sensitive() == sensitive).findFirst()
			.orElseThrow();
	}

	private java.util.function.UnaryOperator<JWTClaimsSet.Builder> deepLinking(String role) {
		return (claims) -> claims.subject("teacher-dl").claim(Claims.ROLES, List.of(role))
			.claim(Claims.MESSAGE_TYPE, Claims.DEEP_LINKING_REQUEST)
			.claim(Claims.RESOURCE_LINK, null)
			.claim(Claims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", this.platform.url("/return"),
					"accept_types", List.of("ltiResourceLink"), "accept_presentation_document_targets",
					List.of("iframe", "window"), "accept_multiple", true, "data", "platform-opaque-data"));
	}

}
