package org.safesteps.lti;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launches from a test platform (own keys, key set over HTTP, the OIDC redirect followed): where
 * instructors and learners land, what is stored, and every hostile launch refused with a 4xx page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LtiLaunchTest {

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Curriculum curriculum;

	TestPlatform platform;

	Registration registration;

	@BeforeEach
	void platform() {
		this.platform = new TestPlatform();
		this.registration = this.platform.register(this.registrations, true);
	}

	@AfterEach
	void close() {
		this.platform.close();
	}

	@Test
	void instructorLaunchMakesTheCourseClassSignsTheTeacherInAndAssignsTheLinkedModule() {
		Module module = plainModule();
		Browserless teacher = new Browserless(this.port);
		HttpResponse<String> launched = this.platform.claims(instructor("teacher-1", module)).launch(teacher);

		assertThat(launched.statusCode()).isEqualTo(302);
		String classPath = location(launched);
		assertThat(classPath).startsWith("/teacher/classes/");
		assertThat(this.platform.lastAuthRequest).containsEntry("client_id", this.platform.clientId)
			.containsEntry("response_mode", "form_post").containsEntry("scope", "openid")
			.containsEntry("response_type", "id_token").containsEntry("prompt", "none")
			.containsEntry("login_hint", "user-hint");
		assertThat(this.platform.lastAuthRequest.get("redirect_uri")).endsWith("/lti/launch");
		HttpResponse<String> page = teacher.get(classPath);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Year 7 PSHE (Ages 11-13)").contains("Linked to the course Year 7 PSHE (Test platform)")
			.contains(module.title());

		// a second launch of the course by another instructor reuses the class, as its co-teacher
		Browserless colleague = new Browserless(this.port);
		HttpResponse<String> again = this.platform.claims(instructor("teacher-2", module)).launch(colleague);
		assertThat(location(again)).isEqualTo(classPath);
		assertThat(colleague.get(classPath).statusCode()).isEqualTo(200);
		String classId = classPath.substring("/teacher/classes/".length());
		assertThat(this.mongo.findById(classId, Document.class, "classes").getList("teacherIds", String.class)).hasSize(2);
	}

	@Test
	void signingInThroughTheLaunchChangesTheSessionId() {
		Browserless teacher = new Browserless(this.port);
		this.platform.claims(instructor("teacher-1", plainModule())).launch(teacher);
		String first = teacher.cookie("safesteps_session");
		assertThat(first).isNotNull();
		this.platform.launch(teacher);
		assertThat(teacher.cookie("safesteps_session")).isNotNull().isNotEqualTo(first);
	}

	@Test
	void sensitiveModuleIsNotAssignedWithoutTheTeacherConfirmingItsNotes() {
		Module sensitive = this.curriculum.modulesFor(Band.AGES_11_13).stream().filter(Module::sensitive).findFirst()
			.orElseThrow();
		Browserless teacher = new Browserless(this.port);
		String classPath = location(this.platform.claims(instructor("teacher-1", sensitive)).launch(teacher));
		String classId = classPath.substring("/teacher/classes/".length());
		assertThat(this.mongo.count(Query.query(Criteria.where("classId").is(classId)), "assignments")).isZero();
		assertThat(teacher.get(classPath).body()).contains("read its teacher notes");
	}

	@Test
	void learnerLaunchLandsInTheLinkedLessonAsTheSameAnonymousLearnerEveryTime() {
		Module module = plainModule();
		String classPath = location(this.platform.claims(instructor("teacher-1", module)).launch(new Browserless(this.port)));
		String classId = classPath.substring("/teacher/classes/".length());

		Browserless child = new Browserless(this.port);
		HttpResponse<String> launched = this.platform.claims(learner("child-1", module)).launch(child);
		assertThat(location(launched)).isEqualTo("/learn/" + module.id());
		HttpResponse<String> lesson = child.get("/learn/" + module.id());
		assertThat(lesson.statusCode()).isEqualTo(200);
		assertThat(lesson.body()).contains(">" + module.lesson(Band.AGES_11_13).orElseThrow().title() + "</h1>");

		// on another device, the same platform user is the same learner in the class
		Browserless otherDevice = new Browserless(this.port);
		this.platform.launch(otherDevice);
		assertThat(otherDevice.get("/learn/" + module.id()).statusCode()).isEqualTo(200);
		assertThat(this.mongo.count(Query.query(Criteria.where("classId").is(classId)), "learners")).isEqualTo(1);

		this.platform.claims(learner("child-2", module)).launch(new Browserless(this.port));
		assertThat(this.mongo.count(Query.query(Criteria.where("classId").is(classId)), "learners")).isEqualTo(2);
	}

	@Test
	void learnerBeforeAnyInstructorIsToldToAskTheirTeacher() {
		HttpResponse<String> refused = this.platform.claims(learner("child-1", plainModule())).launch(new Browserless(this.port));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Your teacher has not opened this activity yet");
	}

	@Test
	void noPersonalClaimOfALearnerIsStoredAnywhere() {
		Module module = plainModule();
		this.platform.claims(instructor("teacher-1", module)).launch(new Browserless(this.port));
		String subject = "learner-subject-4711";
		this.platform.claims((claims) -> learner(subject, module).apply(claims)
			.claim("name", "Zelda Quintessa Fairweather")
			.claim("given_name", "Zelda")
			.claim("family_name", "Fairweather")
			.claim("email", "zelda.fairweather@pupils.example")
			.claim("picture", "https://platform.test/pictures/zelda.png")
			.claim("https://purl.imsglobal.org/spec/lti/claim/lis", Map.of("person_sourcedid", "SIS-998877")));
		assertThat(this.platform.launch(new Browserless(this.port)).statusCode()).isEqualTo(302);

		List<String> found = new ArrayList<>();
		for (String collection : this.mongo.getCollectionNames()) {
			for (Document document : this.mongo.getCollection(collection).find()) {
				String json = document.toJson();
				for (String value : List.of("Zelda", "Fairweather", "pupils.example", "zelda.png", "SIS-998877", subject)) {
					if (json.contains(value)) {
						found.add(collection + " holds " + value);
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void hostileLaunchesAreEachRefusedWithAPlainPage() {
		Module module = plainModule();
		String classPath = location(this.platform.claims(instructor("teacher-1", module)).launch(new Browserless(this.port)));
		String classId = classPath.substring("/teacher/classes/".length());
		RSAKey stranger = TestPlatform.key(TestPlatform.STRANGER, "platform-key-1");
		Map<String, Hostile> cases = new java.util.LinkedHashMap<>();
		cases.put("wrong signature", new Hostile(learner("c", module), (claims, key) -> TestPlatform.sign(claims, stranger), 401));
		cases.put("alg none", new Hostile(learner("c", module), (claims, key) -> new PlainJWT(claims).serialize(), 401));
		cases.put("unknown kid", new Hostile(learner("c", module),
				(claims, key) -> TestPlatform.sign(claims, TestPlatform.key(TestPlatform.STRANGER, "no-such-kid")), 401));
		cases.put("expired", new Hostile((c) -> learner("c", module).apply(c)
			.issueTime(Date.from(Instant.now().minusSeconds(900)))
			.expirationTime(Date.from(Instant.now().minusSeconds(600))), null, 401));
		cases.put("issued in the future", new Hostile((c) -> learner("c", module).apply(c)
			.issueTime(Date.from(Instant.now().plusSeconds(600)))
			.expirationTime(Date.from(Instant.now().plusSeconds(900))), null, 401));
		cases.put("wrong audience", new Hostile((c) -> learner("c", module).apply(c).audience("someone-else"), null, 401));
		cases.put("token for another tool", new Hostile((c) -> learner("c", module).apply(c)
			.audience(List.of(this.platform.clientId, "other-tool")).claim("azp", "other-tool"), null, 401));
		cases.put("several audiences without azp", new Hostile((c) -> learner("c", module).apply(c)
			.audience(List.of(this.platform.clientId, "other-tool")), null, 401));
		cases.put("wrong issuer", new Hostile((c) -> learner("c", module).apply(c).issuer("https://evil.test"), null, 401));
		cases.put("wrong nonce", new Hostile((c) -> learner("c", module).apply(c).claim("nonce", "made-up"), null, 401));
		cases.put("unregistered deployment", new Hostile((c) -> learner("c", module).apply(c)
			.claim(Claims.DEPLOYMENT_ID, "not-registered"), null, 403));
		cases.put("no subject", new Hostile((c) -> learner("c", module).apply(c).subject(null), null, 400));
		cases.put("no roles", new Hostile((c) -> learner("c", module).apply(c).claim(Claims.ROLES, null), null, 400));
		cases.put("no resource link", new Hostile((c) -> learner("c", module).apply(c).claim(Claims.RESOURCE_LINK, null), null, 400));
		cases.put("no version", new Hostile((c) -> learner("c", module).apply(c).claim(Claims.VERSION, null), null, 400));
		cases.put("LTI 1.1 version", new Hostile((c) -> learner("c", module).apply(c).claim(Claims.VERSION, "1.1"), null, 400));
		cases.put("no message type", new Hostile((c) -> learner("c", module).apply(c).claim(Claims.MESSAGE_TYPE, null), null, 400));
		cases.put("unknown module", new Hostile((c) -> learner("c", module).apply(c)
			.claim(Claims.CUSTOM, Map.of("module", "no-such-module")), null, 400));

		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, Hostile> hostile : cases.entrySet()) {
			this.platform.claims(hostile.getValue().claims());
			this.platform.signer((hostile.getValue().signer() != null) ? hostile.getValue().signer() : TestPlatform::sign);
			HttpResponse<String> response = this.platform.launch(new Browserless(this.port));
			if (response.statusCode() != hostile.getValue().status()
					|| !response.body().contains("SafeSteps could not open this activity")) {
				wrong.add(hostile.getKey() + ": " + response.statusCode());
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("classId").is(classId)), "learners"))
			.as("no learner was let in").isZero();
	}

	@Test
	void replayedOrMissingStatesAreRefused() {
		Module module = plainModule();
		this.platform.claims(instructor("teacher-1", module));
		Browserless browser = new Browserless(this.port);
		Map<String, String> answer = this.platform.authorise(browser);
		assertThat(TestPlatform.post(browser, answer).statusCode()).isEqualTo(302);
		// the same token and state again: the state was used
		assertThat(TestPlatform.post(new Browserless(this.port), answer).statusCode()).isEqualTo(400);
		// the same token with another login's fresh state: its nonce is not that state's
		Map<String, String> fresh = this.platform.authorise(browser);
		assertThat(TestPlatform.post(browser, Map.of("id_token", answer.get("id_token"), "state", fresh.get("state")))
			.statusCode()).isEqualTo(401);
		assertThat(TestPlatform.post(browser, Map.of("id_token", answer.get("id_token"))).statusCode()).isEqualTo(400);
		assertThat(TestPlatform.post(browser, Map.of("id_token", answer.get("id_token"), "state", "made-up-state"))
			.statusCode()).isEqualTo(400);
		assertThat(new Browserless(this.port).get("/lti/launch").statusCode()).isEqualTo(400);
	}

	@Test
	void aPlatformThatRotatedItsKeyIsFetchedAgain() {
		Module module = plainModule();
		this.platform.claims(instructor("teacher-1", module));
		assertThat(this.platform.launch(new Browserless(this.port)).statusCode()).isEqualTo(302);
		this.platform.rotateKey("platform-key-2");
		assertThat(this.platform.launch(new Browserless(this.port)).statusCode()).isEqualTo(302);
	}

	@Test
	void loginsFromUnknownDisabledOrIncompletePlatformsAreRefused() {
		Browserless browser = new Browserless(this.port);
		assertThat(browser.get("/lti/login?iss=https%3A%2F%2Fnobody.test&login_hint=x&target_link_uri=y").statusCode())
			.isEqualTo(400);
		assertThat(browser.get("/lti/login?iss=" + TestPlatform.ISSUER).statusCode()).isEqualTo(400);
		assertThat(browser.get("/lti/login?iss=https%3A%2F%2Fplatform.test&login_hint=x&target_link_uri=y&client_id="
				+ this.platform.clientId + "&lti_deployment_id=unknown").statusCode()).isEqualTo(403);
		this.registrations.setEnabled(this.registration.id(), false);
		HttpResponse<String> disabled = browser.get("/lti/login?iss=https%3A%2F%2Fplatform.test&login_hint=x"
				+ "&target_link_uri=y&client_id=" + this.platform.clientId);
		assertThat(disabled.statusCode()).isEqualTo(403);
		assertThat(disabled.body()).contains("turned off launches from this platform");
	}

	@Test
	void instructorsAreNotGivenAccountsUnlessTheRegistrationAllowsIt() {
		TestPlatform strict = new TestPlatform();
		try (strict) {
			strict.register(this.registrations, false);
			HttpResponse<String> refused = strict.claims(instructor("teacher-9", plainModule())).launch(new Browserless(this.port));
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).contains("not linked to an active SafeSteps teacher account");
		}
	}

	@Test
	void overHttpsTheLaunchedBrowserGetsCrossSiteCookiesAndOnlyThePlatformMayFrameItsPages() {
		Module module = plainModule();
		this.platform.claims(instructor("teacher-1", module)).launch(new Browserless(this.port));
		Browserless child = new Browserless(this.port).viaHttpsProxy();
		HttpResponse<String> launched = this.platform.claims(learner("child-1", module)).launch(child);
		assertThat(launched.headers().allValues("Set-Cookie")).filteredOn((c) -> c.startsWith("safesteps_learner="))
			.singleElement().satisfies((c) -> assertThat(c).contains("SameSite=None").contains("Secure").contains("HttpOnly"));
		HttpResponse<String> lesson = child.get("/learn/" + module.id());
		assertThat(lesson.statusCode()).isEqualTo(200);
		assertThat(lesson.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors https://platform.test").doesNotContain("frame-ancestors 'none'");
		assertThat(lesson.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(child.get("/login").headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");

		Browserless stranger = new Browserless(this.port).viaHttpsProxy();
		stranger.get("/join");
		assertThat(stranger.get("/explore").headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("frame-ancestors 'none'");
		assertThat(stranger.get("/explore").headers().firstValue("X-Frame-Options")).contains("DENY");
	}

	private Module plainModule() {
		return this.curriculum.modulesFor(Band.AGES_11_13).stream().filter((m) -> !m.sensitive()).findFirst().orElseThrow();
	}

	private static UnaryOperator<JWTClaimsSet.Builder> instructor(String subject, Module module) {
		return (claims) -> claims.subject(subject).claim(Claims.ROLES, List.of(TestPlatform.INSTRUCTOR))
			.claim("name", "Ms Teacher").claim(Claims.CUSTOM, Map.of("module", module.id(), "band", "ages-11-13"));
	}

	private static UnaryOperator<JWTClaimsSet.Builder> learner(String subject, Module module) {
		return (claims) -> claims.subject(subject).claim(Claims.ROLES, List.of(TestPlatform.LEARNER))
			.claim(Claims.CUSTOM, Map.of("module", module.id(), "band", "ages-11-13"));
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	record Hostile(UnaryOperator<JWTClaimsSet.Builder> claims, TestPlatform.Signer signer, int status) {
	}

}
