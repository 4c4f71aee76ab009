package org.safesteps.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learning platform for tests: its own RSA key, its key set served over HTTP, an authorisation
 * endpoint the OIDC redirect is followed to (it answers with the signed id_token, as a platform's
 * auto-posting form would), and the launch claims of LTI 1.3 Core.
 */
final class TestPlatform implements AutoCloseable {

	static final String ISSUER = "https://platform.test";

	/** The key material a platform publishes first. */
	static final int PUBLISHED = 0;

	/** The material a platform publishes after {@link #rotateKey}. */
	static final int ROTATED = 1;

	/** Material no platform publishes: a stranger's signature. */
	static final int STRANGER = 2;

	private static final Map<Integer, RSAKey> MATERIAL = new ConcurrentHashMap<>();

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	final String clientId = "client-" + UUID.randomUUID();

	final String deploymentId = "deployment-" + UUID.randomUUID();

	final String contextId = "course-" + UUID.randomUUID();

	private final HttpServer server;

	private volatile RSAKey key = key(PUBLISHED, "platform-key-1");

	/** How the next authorisation answer's claims are changed, and how it is signed. */
	private volatile UnaryOperator<JWTClaimsSet.Builder> claims = UnaryOperator.identity();

	private volatile Signer signer = (claimSet, platformKey) -> sign(claimSet, platformKey);

	/** The auth request of the last login the tool redirected here. */
	volatile Map<String, String> lastAuthRequest = Map.of();

	/** The form of every access token request the tool made, in order. */
	final List<Map<String, String>> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Every score the tool posted, in order. */
	final List<ScorePost> scorePosts = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Statuses the next token requests and score posts get (then 200). */
	final java.util.Deque<Integer> tokenStatuses = new java.util.concurrent.ConcurrentLinkedDeque<>();

	final java.util.Deque<Integer> scoreStatuses = new java.util.concurrent.ConcurrentLinkedDeque<>();

	/** How many access tokens this platform issued; token n is {@code "platform-token-n"}. */
	final java.util.concurrent.atomic.AtomicInteger tokensIssued = new java.util.concurrent.atomic.AtomicInteger();

	/** A score post as received: the path and query it went to, its headers, and its body. */
	record ScorePost(String pathAndQuery, String authorization, String contentType, String body) {
	}

	interface Signer {

		String sign(JWTClaimsSet claims, RSAKey platformKey);

	}

	TestPlatform() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/jwks", (exchange) -> {
			byte[] body = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.createContext("/auth", (exchange) -> {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			this.lastAuthRequest = query;
			JWTClaimsSet.Builder builder = launchClaims(query.get("nonce"));
			String token = this.signer.sign(this.claims.apply(builder).build(), this.key);
			byte[] body = ("id_token=" + token + "&state=" + query.get("state")).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.createContext("/token", (exchange) -> {
			Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.tokenRequests.add(form);
			Integer status = this.tokenStatuses.poll();
			byte[] body;
			if (status == null || status == 200) {
				status = 200;
				body = ("{\"access_token\":\"platform-token-" + this.tokensIssued.incrementAndGet()
						+ "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"" + form.get("scope") + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
			}
			else {
				body = "{\"error\":\"server_error\"}".getBytes(StandardCharsets.UTF_8);
			}
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.createContext("/lineitems", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			URI uri = exchange.getRequestURI();
			this.scorePosts.add(new ScorePost(uri.getRawPath() + ((uri.getRawQuery() == null) ? "" : "?" + uri.getRawQuery()),
					exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Content-Type"), body));
			Integer status = this.scoreStatuses.poll();
			// a platform that failed may echo what it was sent: the tool must not keep that
			byte[] answer = (status == null) ? new byte[0] : ("failed for " + body).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders((status == null) ? 200 : status, (answer.length == 0) ? -1 : answer.length);
			if (answer.length > 0) {
				exchange.getResponseBody().write(answer);
			}
			exchange.close();
		});
		this.server.start();
	}

	String url(String path) {
		return "http://localhost:" + this.server.getAddress().getPort() + path;
	}

	Registration register(Registrations registrations, boolean createsTeachers) {
		return register(registrations, createsTeachers, false, Registration.ScoreChoice.BEST);
	}

	Registration register(Registrations registrations, boolean createsTeachers, boolean sendsScores,
			Registration.ScoreChoice scoreChoice) {
		return registrations.create(new RegistrationForm("Test platform", ISSUER, this.clientId, this.deploymentId,
				url("/auth"), url("/token"), url("/jwks"), "", createsTeachers, org.safesteps.content.Band.AGES_11_13,
				sendsScores, scoreChoice));
	}

	/** The AGS endpoint claim of a graded link: its line item (with a query, as Moodle's have), the container and the scopes. */
	Map<String, Object> gradeEndpoint() {
		return Map.of("lineitem", url("/lineitems/7/lineitem?type_id=1"), "lineitems", url("/lineitems?type_id=1"),
				"scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
						"https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly", Claims.SCORE_SCOPE));
	}

	/** The next launches carry these changes (on top of the standard claims). */
	TestPlatform claims(UnaryOperator<JWTClaimsSet.Builder> change) {
		this.claims = change;
		return this;
	}

	TestPlatform signer(Signer signer) {
		this.signer = signer;
		return this;
	}

	/** Signs with another key from now on, published under {@code kid}. */
	void rotateKey(String kid) {
		this.key = key(ROTATED, kid);
	}

	RSAKey key() {
		return this.key;
	}

	/**
	 * A whole launch as a browser makes it: the platform's login initiation to /lti/login, the
	 * redirect followed to this platform's authorisation endpoint, and its answer posted to /lti/launch.
	 */
	HttpResponse<String> launch(Browserless browser) {
		return post(browser, authorise(browser));
	}

	/** The platform's answer (id_token and state) for a login through /lti/login. */
	Map<String, String> authorise(Browserless browser) {
		HttpResponse<String> login = browser.get("/lti/login?iss=" + enc(ISSUER) + "&login_hint=user-hint&client_id="
				+ enc(this.clientId) + "&target_link_uri=" + enc("https://safesteps.test/lti/launch"));
		assertThat(login.statusCode()).as("login initiation").isEqualTo(302);
		String location = login.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(url("/auth"));
		HttpResponse<String> answer = new org.safesteps.support.Http(0).send(java.net.http.HttpRequest
			.newBuilder(URI.create(location)).GET().build());
		return query(answer.body());
	}

	static HttpResponse<String> post(Browserless browser, Map<String, String> answer) {
		return browser.postRaw("/lti/launch", answer);
	}

	JWTClaimsSet.Builder launchClaims(String nonce) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(this.clientId)
			.subject("user-" + UUID.randomUUID())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", nonce)
			.claim(Claims.MESSAGE_TYPE, Claims.RESOURCE_LINK_REQUEST)
			.claim(Claims.VERSION, "1.3.0")
			.claim(Claims.DEPLOYMENT_ID, this.deploymentId)
			.claim(Claims.TARGET_LINK_URI, "https://safesteps.test/lti/launch")
			.claim(Claims.RESOURCE_LINK, Map.of("id", "link-1", "title", "Online safety"))
			.claim(Claims.CONTEXT, Map.of("id", this.contextId, "title", "Year 7 PSHE"))
			.claim(Claims.ROLES, List.of(LEARNER));
	}

	static String sign(JWTClaimsSet claims, RSAKey key) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/**
	 * RSA key {@code material} (one of {@link #PUBLISHED}, {@link #ROTATED}, {@link #STRANGER}) under
	 * the key id {@code kid}. Each material is generated once per test JVM: a 2048-bit key takes 0.5
	 * to 1.8 s to generate in a JVM without the C2 compiler (pom: test.jvm.args), and every LTI test
	 * starts a platform. Platforms share their first key; no test has one platform verify another's.
	 */
	static RSAKey key(int material, String kid) {
		RSAKey made = MATERIAL.computeIfAbsent(material, (n) -> {
			try {
				return new RSAKeyGenerator(2048).generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return new RSAKey.Builder(made).keyID(kid).build();
	}

	static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	static String origin(String url) {
		return Registration.origin(url);
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
