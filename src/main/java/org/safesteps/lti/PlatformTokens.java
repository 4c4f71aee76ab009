package org.safesteps.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.stereotype.Component;

/**
 * Access tokens for a platform's services, by the OAuth 2.0 client credentials grant with a signed
 * JWT as the client's credentials (1EdTech Security Framework 1.0, section 4.1; RFC 7523, section
 * 2.2): the assertion is signed with the tool's key, {@code iss} and {@code sub} are the client id
 * the platform gave us, {@code aud} is the platform's token URL, with a fresh {@code jti}. A token
 * is kept until shortly before it expires, per registration and scope, in this instance's memory
 * (only the instance holding the sender's lease asks for tokens).
 */
@Component
class PlatformTokens {

	static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	/** How long our assertion is valid: long enough for the request, short enough to be useless if seen later. */
	private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

	/** A token is not used in its last seconds, so it cannot expire on its way. */
	private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

	/** When a platform's answer names no lifetime (RFC 6749 makes {@code expires_in} optional). */
	private static final long DEFAULT_LIFETIME_SECONDS = 3600;

	private record Token(String value, Instant expiresAt) {
	}

	private final ToolKeys keys;

	private final Clock clock;

	private final LtiProperties properties;

	private final HttpClient http;

	private final ConcurrentMap<String, Token> tokens = new ConcurrentHashMap<>();

	PlatformTokens(ToolKeys keys, Clock clock, LtiProperties properties) {
		this.keys = keys;
		this.clock = clock;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.serviceTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A token for {@code scope}, from the cache or fresh from the platform.
	 * @throws PlatformCallFailed at stage {@code token} when the platform gives none
	 */
	String token(Registration registration, String scope) {
		String key = cacheKey(registration, scope);
		Token cached = this.tokens.get(key);
		if (cached != null && cached.expiresAt().isAfter(this.clock.instant().plus(EXPIRY_MARGIN))) {
			return cached.value();
		}
		Token fresh = request(registration, scope);
		this.tokens.put(key, fresh);
		return fresh.value();
	}

	/** The platform refused a token we held: the next call asks for a new one. */
	void forget(Registration registration, String scope) {
		this.tokens.remove(cacheKey(registration, scope));
	}

	private Token request(Registration registration, String scope) {
		Instant now = this.clock.instant();
		String assertion = this.keys.sign(new JWTClaimsSet.Builder().issuer(registration.clientId())
			.subject(registration.clientId())
			.audience(registration.tokenUrl())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
			.jwtID(UUID.randomUUID().toString())
			.build());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
		form.put("client_assertion", assertion);
		form.put("scope", scope);
		HttpRequest request = HttpRequest.newBuilder(URI.create(registration.tokenUrl()))
			.timeout(this.properties.serviceTimeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
				.collect(Collectors.joining("&"))))
			.build();
		HttpResponse<String> response = send(request, "token");
		if (response.statusCode() / 100 != 2) {
			throw new PlatformCallFailed("token", response.statusCode(), response.body());
		}
		try {
			Map<String, Object> answer = JSONObjectUtils.parse(response.body());
			String value = JSONObjectUtils.getString(answer, "access_token");
			if (value == null || value.isBlank()) {
				throw new PlatformCallFailed("token", response.statusCode(), "no access_token in the answer");
			}
			long lifetime = (answer.get("expires_in") instanceof Number seconds) ? seconds.longValue()
					: DEFAULT_LIFETIME_SECONDS;
			return new Token(value, this.clock.instant().plusSeconds(lifetime));
		}
		catch (ParseException ex) {
			throw new PlatformCallFailed("token", response.statusCode(), "the answer is not JSON");
		}
	}

	/** Sends a request to a platform; no answer at all is a failure with status 0. */
	HttpResponse<String> send(HttpRequest request, String stage) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new PlatformCallFailed(stage, 0, ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlatformCallFailed(stage, 0, "interrupted");
		}
	}

	private static String cacheKey(Registration registration, String scope) {
		return registration.id() + " " + registration.clientId() + " " + registration.tokenUrl() + " " + scope;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
