package org.safesteps.lti;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.storage.Leases;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignment and Grade Services against the test platform: a learner launched through a graded
 * link takes the quiz, and the platform receives a client-credentials token request signed with
 * the tool's key and then the score with that token; a failed post is retried; repeated failure is
 * given up and shown on /admin/lti; a platform with scores off gets nothing; and the platform's
 * user id is never stored in clear, and not at all once the score is delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LtiGradesTest {

	private static final Pattern ORDER = Pattern.compile("name=\"order\" value=\"([^\"]+)\"");

	private static final Pattern SUBMISSION = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Registrations registrations;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Curriculum curriculum;

	@Autowired
	ScoreSender sender;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	Leases leases;

	TestPlatform platform = new TestPlatform();

	@AfterEach
	void close() {
		this.platform.close();
	}

	@Test
	void aLearnersQuizScoreReachesThePlatformWithASignedClientCredentialsTokenAndNoUserIdIsLeftStored() throws Exception {
		Registration registration = this.platform.register(this.registrations, true, true, Registration.ScoreChoice.LATEST);
		Module module = plainModule();
		String subject = "graded-learner-" + UUID.randomUUID();
		// the scheduled sender waits while the score is queued and looked at
		int score = whileSenderWaits(() -> {
			int taken = launchAndTakeQuiz(module, subject);
			// queued with the user id sealed: nowhere in the database in clear
			assertThat(storedAnywhere(subject)).isEmpty();
			assertThat(this.mongo.count(byRegistration(registration), ScoreQueue.COLLECTION)).isEqualTo(1);
			assertThat(this.platform.tokenRequests).isEmpty();
			return taken;
		});
		Document lineItem = this.mongo.findOne(Query.query(Criteria.where("registrationId").is(registration.id())),
				Document.class, "lti_line_items");
		assertThat(lineItem.getString("lineItem")).isEqualTo(this.platform.url("/lineitems/7/lineitem?type_id=1"));
		assertThat(lineItem.getList("scopes", String.class)).contains(Claims.SCORE_SCOPE);

		sendUntil(() -> !this.platform.scorePosts.isEmpty());

		Map<String, String> tokenRequest = this.platform.tokenRequests.get(0);
		assertThat(tokenRequest).containsEntry("grant_type", "client_credentials")
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
			.containsEntry("scope", Claims.SCORE_SCOPE);
		SignedJWT assertion = SignedJWT.parse(tokenRequest.get("client_assertion"));
		JWKSet toolKeys = JWKSet.parse(new Browserless(this.port).get("/lti/jwks").body());
		RSAKey toolKey = (RSAKey) toolKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
		assertThat(toolKey).as("signed with a key the tool publishes").isNotNull();
		assertThat(assertion.verify(new RSASSAVerifier(toolKey))).isTrue();
		JWTClaimsSet claims = assertion.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(this.platform.clientId);
		assertThat(claims.getSubject()).isEqualTo(this.platform.clientId);
		assertThat(claims.getAudience()).containsExactly(this.platform.url("/token"));
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(claims.getExpirationTime()).isAfter(new Date());

		TestPlatform.ScorePost post = this.platform.scorePosts.get(0);
		assertThat(post.pathAndQuery()).isEqualTo("/lineitems/7/lineitem/scores?type_id=1");
		assertThat(post.authorization()).isEqualTo("Bearer platform-token-1");
		assertThat(post.contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
		Map<String, Object> body = JSONObjectUtils.parse(post.body());
		assertThat(body).containsEntry("userId", subject)
			.containsEntry("activityProgress", "Completed")
			.containsEntry("gradingProgress", "FullyGraded");
		assertThat(((Number) body.get("scoreGiven")).intValue()).isEqualTo(score);
		assertThat(((Number) body.get("scoreMaximum")).intValue()).isEqualTo(100);
		assertThat(Instant.parse((String) body.get("timestamp"))).isBefore(Instant.now().plusSeconds(1));
		assertThat((String) body.get("timestamp")).matches(".*\\.\\d{3}Z");

		// delivered: nothing of the score is left, so nothing of the user id
		runOnce();
		assertThat(this.mongo.count(byRegistration(registration), ScoreQueue.COLLECTION)).isZero();
		assertThat(storedAnywhere(subject)).isEmpty();
	}

	@Test
	void aScoreRefusedOnceIsSentAgainLaterWithTheCachedToken() {
		Registration registration = this.platform.register(this.registrations, true, true, Registration.ScoreChoice.BEST);
		launchAndTakeQuiz(plainModule(), "retried-learner");
		this.platform.scoreStatuses.add(500);

		sendUntil(() -> this.platform.scorePosts.size() == 1);
		Document waiting = this.mongo.findOne(byRegistration(registration), Document.class, ScoreQueue.COLLECTION);
		assertThat(waiting.getString("status")).isEqualTo(ScoreQueue.PENDING);
		assertThat(waiting.getInteger("attempts")).isEqualTo(1);
		assertThat(waiting.get("lastError", Document.class).getInteger("status")).isEqualTo(500);
		assertThat(waiting.get("lastError", Document.class).getString("detail"))
			.as("the platform echoed the user id; it is not kept").doesNotContain("retried-learner").contains("[user]");
		// the first retry waits a minute (the default), not less and not hours
		Instant next = waiting.getDate("nextAttemptAt").toInstant();
		assertThat(next).isAfter(Instant.now().plusSeconds(30)).isBefore(Instant.now().plusSeconds(120));

		dueNow(registration);
		sendUntil(() -> this.platform.scorePosts.size() == 2);
		runOnce();
		assertThat(this.mongo.count(byRegistration(registration), ScoreQueue.COLLECTION)).isZero();
		assertThat(this.platform.tokenRequests).as("the token is kept until it expires").hasSize(1);
		assertThat(this.platform.scorePosts.get(1).authorization()).isEqualTo("Bearer platform-token-1");
	}

	@Test
	void aScoreThatKeepsFailingIsGivenUpWithoutTheUserIdAndTheAdminSeesTheError() {
		Registration registration = this.platform.register(this.registrations, true, true, Registration.ScoreChoice.BEST);
		launchAndTakeQuiz(plainModule(), "unlucky-learner");
		for (int i = 0; i < 20; i++) {
			this.platform.tokenStatuses.add(503);
		}
		for (int tries = 0; tries < 20 && !givenUp(registration); tries++) {
			dueNow(registration);
			int before = this.platform.tokenRequests.size();
			sendUntil(() -> this.platform.tokenRequests.size() > before);
		}
		Document failed = this.mongo.findOne(byRegistration(registration), Document.class, ScoreQueue.COLLECTION);
		assertThat(failed.getString("status")).isEqualTo(ScoreQueue.FAILED);
		assertThat(failed.getInteger("attempts")).isEqualTo(8);
		assertThat(failed.containsKey("user")).as("the sealed user id is gone").isFalse();
		assertThat(this.platform.tokenRequests).hasSize(8);
		assertThat(this.platform.scorePosts).isEmpty();

		Browserless admin = admin();
		HttpResponse<String> page = admin.get("/admin/lti");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Each learner&#39;s best score is sent to this platform.")
			.contains("Last errors from Test platform")
			.contains("Access token request")
			.contains("503")
			.contains("Given up")
			.contains("Scores waiting to be sent: 0");

		// deleting the platform's registration deletes its scores and course columns too
		assertThat(admin.post("/admin/lti/" + registration.id() + "/delete", page.body(), Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(this.mongo.count(byRegistration(registration), ScoreQueue.COLLECTION)).isZero();
		assertThat(this.mongo.count(byRegistration(registration), "lti_line_items")).isZero();
	}

	@Test
	void aPlatformWithScoresOffGetsNothingAndNoEndpointIsKept() {
		Registration registration = this.platform.register(this.registrations, true, false, Registration.ScoreChoice.BEST);
		Browserless child = launchAndTakeQuizIn(plainModule(), "ungraded-learner");
		assertThat(child.cookie(GradeCookie.NAME)).isNull();
		assertThat(this.mongo.count(byRegistration(registration), ScoreQueue.COLLECTION)).isZero();
		assertThat(this.mongo.count(byRegistration(registration), "lti_line_items")).isZero();
		runOnce();
		assertThat(this.platform.tokenRequests).isEmpty();
		assertThat(this.platform.scorePosts).isEmpty();
	}

	@Test
	void anotherLearnerOnTheSameBrowserDoesNotSendTheirScoreAsTheLaunchedLearner() {
		Registration registration = this.platform.register(this.registrations, true, true, Registration.ScoreChoice.BEST);
		Module module = plainModule();
		Browserless browser = launchAndTakeQuizIn(module, "first-learner");
		this.mongo.remove(byRegistration(registration), ScoreQueue.COLLECTION);
		// someone else joins a class with a code on this browser and takes the same module's quiz
		SchoolClass other = this.classes.create("Year 8", Band.AGES_11_13, "teacher-elsewhere");
		assertThat(browser.post("/join", browser.get("/join").body(), Map.of("code", other.joinCode().toString()))
			.statusCode()).isEqualTo(302);
		takeQuiz(browser, module);
		assertThat(this.mongo.count(byRegistration(registration), ScoreQueue.COLLECTION)).isZero();
	}

	private int launchAndTakeQuiz(Module module, String subject) {
		// other tests share the database: only an attempt made from here on is this learner's
		java.util.Date launched = new java.util.Date(System.currentTimeMillis() - 1);
		launchAndTakeQuizIn(module, subject);
		Document attempt = this.mongo.findOne(
				Query.query(Criteria.where("moduleId").is(module.id()).and("createdAt").gte(launched))
			.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC, "createdAt")),
				Document.class, "attempts");
		return attempt.getInteger("score");
	}

	/** An instructor opens the graded link, then the learner does and takes the module's quiz. */
	private Browserless launchAndTakeQuizIn(Module module, String subject) {
		Browserless teacher = new Browserless(this.port);
		assertThat(this.platform.claims(graded("teacher-" + UUID.randomUUID(), TestPlatform.INSTRUCTOR, module))
			.launch(teacher)
			.statusCode()).isEqualTo(302);
		Browserless child = new Browserless(this.port);
		assertThat(this.platform.claims(graded(subject, TestPlatform.LEARNER, module)).launch(child).statusCode())
			.isEqualTo(302);
		takeQuiz(child, module);
		return child;
	}

	private void takeQuiz(Browserless child, Module module) {
		String path = "/learn/" + module.id() + "/quiz";
		HttpResponse<String> page = child.get(path);
		assertThat(page.statusCode()).isEqualTo(200);
		Map<String, String> form = answers(module.quiz(Band.AGES_11_13).orElseThrow(), page.body());
		form.put("submissionId", match(SUBMISSION, page.body()));
		form.put("band", Band.AGES_11_13.id());
		HttpResponse<String> result = child.post(path, page.body(), form);
		assertThat(result.statusCode()).as("the result page, whatever the platform does").isEqualTo(200);
	}

	/** One answer per question (right where one option is right, one option of a multiple choice), as the page orders them. */
	private static Map<String, String> answers(Quiz quiz, String page) {
		DisplayOrder order = DisplayOrder.fromKey(match(ORDER, page)).orElseThrow();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("order", order.key());
		for (Question question : quiz.questions()) {
			List<Option> shown = order.of(question);
			String field = "q-" + question.id();
			if (question.type() == QuestionType.ORDER) {
				for (int i = 0; i < shown.size(); i++) {
					fields.put(field + "-" + i, Integer.toString(question.options().indexOf(shown.get(i)) + 1));
				}
				continue;
			}
			int right = 0;
			for (int i = 0; i < shown.size(); i++) {
				if (shown.get(i).correct()) {
					right = i;
					break;
				}
			}
			fields.put(field, Integer.toString(right));
		}
		return fields;
	}

	private UnaryOperator<JWTClaimsSet.Builder> graded(String subject, String role, Module module) {
		return (claims) -> claims.subject(subject)
			.claim(Claims.ROLES, List.of(role))
			.claim("name", "Someone Named")
			.claim("email", "someone@pupils.example")
			.claim(Claims.CUSTOM, Map.of("module", module.id(), "band", "ages-11-13"))
			.claim(Claims.AGS_ENDPOINT, this.platform.gradeEndpoint());
	}

	/** Runs the sender (waiting for the lease if the scheduled run holds it) until the platform saw what is expected. */
	private void sendUntil(java.util.function.BooleanSupplier done) {
		for (int i = 0; i < 200 && !done.getAsBoolean(); i++) {
			if (this.sender.runNow().isEmpty()) {
				sleep();
			}
		}
		assertThat(done.getAsBoolean()).as("the platform received what was sent").isTrue();
	}

	/** Runs {@code work} holding the sender's lease, so no scheduled run sends meanwhile. */
	private <T> T whileSenderWaits(java.util.function.Supplier<T> work) {
		for (int i = 0; i < 200; i++) {
			java.util.Optional<T> done = this.leases.runOncePer(ScoreSender.LEASE, java.time.Duration.ZERO,
					java.time.Duration.ofMinutes(2), work);
			if (done.isPresent()) {
				return done.get();
			}
			sleep();
		}
		throw new AssertionError("the sender's lease was never free");
	}

	private void runOnce() {
		for (int i = 0; i < 200 && this.sender.runNow().isEmpty(); i++) {
			sleep();
		}
	}

	/** Time passes: the score's back-off is over. */
	private void dueNow(Registration registration) {
		this.mongo.updateMulti(byRegistration(registration), Update.update("nextAttemptAt", new Date()), ScoreQueue.COLLECTION);
	}

	private boolean givenUp(Registration registration) {
		Document found = this.mongo.findOne(byRegistration(registration), Document.class, ScoreQueue.COLLECTION);
		return found != null && ScoreQueue.FAILED.equals(found.getString("status"));
	}

	private List<String> storedAnywhere(String value) {
		List<String> found = new ArrayList<>();
		for (String collection : this.mongo.getCollectionNames()) {
			for (Document document : this.mongo.getCollection(collection).find()) {
				if (document.toJson().contains(value)) {
					found.add(collection);
				}
			}
		}
		return found;
	}

	private static Query byRegistration(Registration registration) {
		return Query.query(Criteria.where("registrationId").is(registration.id()));
	}

	private Module plainModule() {
		return this.curriculum.modulesFor(Band.AGES_11_13).stream()
			.filter((m) -> !m.sensitive() && m.quiz(Band.AGES_11_13).isPresent())
			.findFirst()
			.orElseThrow();
	}

	private Browserless admin() {
		String password = "long enough admin passphrase";
		Account account = this.accounts.create("admin-" + UUID.randomUUID() + "@school.example", "Admin", password, true);
		Browserless browser = new Browserless(this.port);
		HttpResponse<String> login = browser.get("/login");
		assertThat(browser.post("/login", login.body(), Map.of("username", account.email(), "password", password))
			.statusCode()).isEqualTo(302);
		return browser;
	}

	private static String match(Pattern pattern, String page) {
		Matcher matcher = pattern.matcher(page);
		assertThat(matcher.find()).as(pattern.pattern()).isTrue();
		return matcher.group(1);
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
