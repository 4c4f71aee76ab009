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

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

	final String clientId = "client-" + UUID.randomUUID();

	final String deploymentId = "deployment-" + UUID.randomUUID();

	final String contextId = "course-" + UUID.randomUUID();

	private final HttpServer server;

	private volatile RSAKey key = newKey("platform-key-1");

	/** How the next authorisation answer's claims are changed, and how it is signed. */
	private volatile UnaryOperator<JWTClaimsSet.Builder> claims = UnaryOperator.identity();

	private volatile Signer signer = (claimSet, platformKey) -> sign(claimSet, platformKey);

	/** The auth request of the last login the tool redirected here. */
	volatile Map<String, String> lastAuthRequest = Map.of();

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
		this.server.start();
	}

	String url(String path) {
		return "http://localhost:" + this.server.getAddress().getPort() + path;
	}

	Registration register(Registrations registrations, boolean createsTeachers) {
		return registrations.create(new RegistrationForm("Test platform", ISSUER, this.clientId, this.deploymentId,
				url("/auth"), url("/token"), url("/jwks"), "", createsTeachers, org.safesteps.content.Band.AGES_11_13));
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

	void rotateKey(String kid) {
		this.key = newKey(kid);
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

	static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
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
