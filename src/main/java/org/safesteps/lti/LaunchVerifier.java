package org.safesteps.lti;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.stereotype.Component;

import org.safesteps.lti.LaunchRefused.Reason;

/**
 * Checks an {@code id_token} the way LTI 1.3 asks (1EdTech Security Framework 1.0, section 5.1.3;
 * LTI 1.3 Core, section 5.3): the state is one we issued and not yet used; the signature is RS256
 * by a key in the platform's key set; {@code iss} is the registered issuer, {@code aud} holds our
 * client id (and {@code azp} names it when there are several audiences); {@code exp} and
 * {@code iat} within the allowed clock skew; the nonce is the one of that state; the deployment is
 * registered; message type and version are the ones we handle; and the claims we need are there.
 */
@Component
class LaunchVerifier {

	private final LoginStates states;

	private final Registrations registrations;

	private final PlatformKeys keys;

	private final LtiProperties properties;

	private final Clock clock;

	LaunchVerifier(LoginStates states, Registrations registrations, PlatformKeys keys, LtiProperties properties,
			Clock clock) {
		this.states = states;
		this.registrations = registrations;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	Launch verify(String idToken, String state) {
		if (state == null || state.isBlank()) {
			throw new LaunchRefused(Reason.STATE);
		}
		if (idToken == null || idToken.isBlank()) {
			throw new LaunchRefused(Reason.MISSING_PARAMETER);
		}
		SignedJWT jwt = parse(idToken);
		// taken before anything else: whatever the token, this state cannot be used again
		LoginStates.Pending pending = this.states.take(state).orElseThrow(() -> new LaunchRefused(Reason.STATE));
		Registration registration = this.registrations.findById(pending.registrationId())
			.orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM));
		if (!registration.enabled()) {
			throw new LaunchRefused(Reason.PLATFORM_DISABLED);
		}
		JWTClaimsSet claims = verifySignature(jwt, registration);
		checkStandardClaims(claims, registration, pending.nonce());
		return launchOf(claims, registration);
	}

	private static SignedJWT parse(String idToken) {
		try {
			JWT jwt = JWTParser.parse(idToken);
			if (!(jwt instanceof SignedJWT signed)) {
				// alg "none" or an encrypted token: neither is a platform's signed launch
				throw new LaunchRefused(Reason.SIGNATURE);
			}
			return signed;
		}
		catch (ParseException ex) {
			throw new LaunchRefused(Reason.MALFORMED);
		}
	}

	private JWTClaimsSet verifySignature(SignedJWT jwt, Registration registration) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		// LTI 1.3 platforms sign with RS256 (Security Framework 6.1); any other alg is refused
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, this.keys.of(registration)));
		// the claims are checked below, each with its own reason
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		try {
			return processor.process(jwt, null);
		}
		catch (KeySourceException ex) {
			throw new LaunchRefused(Reason.KEYS_UNAVAILABLE);
		}
		catch (BadJOSEException | JOSEException ex) {
			throw new LaunchRefused(Reason.SIGNATURE);
		}
	}

	private void checkStandardClaims(JWTClaimsSet claims, Registration registration, String nonce) {
		if (!registration.issuer().equals(claims.getIssuer())) {
			throw new LaunchRefused(Reason.ISSUER);
		}
		List<String> audience = claims.getAudience();
		Object azp = claims.getClaim("azp");
		if (!audience.contains(registration.clientId()) || (audience.size() > 1 && azp == null)
				|| (azp != null && !registration.clientId().equals(azp))) {
			throw new LaunchRefused(Reason.AUDIENCE);
		}
		Instant now = this.clock.instant();
		if (claims.getExpirationTime() == null
				|| !claims.getExpirationTime().toInstant().isAfter(now.minus(this.properties.clockSkew()))) {
			throw new LaunchRefused(Reason.EXPIRED);
		}
		if (claims.getIssueTime() == null) {
			throw new LaunchRefused(Reason.MISSING_CLAIM);
		}
		if (claims.getIssueTime().toInstant().isAfter(now.plus(this.properties.clockSkew()))) {
			throw new LaunchRefused(Reason.ISSUED_IN_FUTURE);
		}
		if (!nonce.equals(claims.getClaim("nonce"))) {
			throw new LaunchRefused(Reason.NONCE);
		}
	}

	private static Launch launchOf(JWTClaimsSet claims, Registration registration) {
		if (!Claims.LTI_VERSION.equals(string(claims, Claims.VERSION))) {
			throw new LaunchRefused(Reason.VERSION);
		}
		String messageType = string(claims, Claims.MESSAGE_TYPE);
		boolean deepLinkingRequest = Claims.DEEP_LINKING_REQUEST.equals(messageType);
		if (!Claims.RESOURCE_LINK_REQUEST.equals(messageType) && !deepLinkingRequest) {
			throw new LaunchRefused(Reason.MESSAGE_TYPE);
		}
		String deploymentId = string(claims, Claims.DEPLOYMENT_ID);
		if (deploymentId == null) {
			throw new LaunchRefused(Reason.MISSING_CLAIM);
		}
		if (!registration.deploymentIds().contains(deploymentId)) {
			throw new LaunchRefused(Reason.DEPLOYMENT);
		}
		String subject = claims.getSubject();
		// a resource link launch names its link; a deep linking request comes before there is one
		String resourceLinkId = deepLinkingRequest ? "" : member(claims, Claims.RESOURCE_LINK, "id");
		Optional<Launch.DeepLinking> deepLinking = deepLinkingRequest ? Optional.of(deepLinking(claims)) : Optional.empty();
		Object roles = claims.getClaim(Claims.ROLES);
		if (subject == null || subject.isBlank() || resourceLinkId == null || !(roles instanceof List<?> roleList)) {
			throw new LaunchRefused(Reason.MISSING_CLAIM);
		}
		String contextId = Optional.ofNullable(member(claims, Claims.CONTEXT, "id")).orElse("link:" + resourceLinkId);
		String contextTitle = Optional.ofNullable(member(claims, Claims.CONTEXT, "title"))
			.or(() -> Optional.ofNullable(member(claims, Claims.CONTEXT, "label")))
			.orElse(registration.name());
		List<String> roleNames = roleList.stream().map(String::valueOf).toList();
		// a learner's name is never even read; an instructor's names their teacher account
		Optional<String> instructorName = Launch.isInstructor(roleNames) ? Optional.ofNullable(string(claims, "name"))
				: Optional.empty();
		return new Launch(registration, deploymentId, subject, roleNames, contextId, contextTitle, resourceLinkId,
				Optional.ofNullable(member(claims, Claims.CUSTOM, "module")),
				Optional.ofNullable(member(claims, Claims.CUSTOM, "band")), instructorName, deepLinking,
				gradeEndpoint(claims));
	}

	/** The AGS endpoint claim, if any: only its URLs and scopes are read. */
	private static Optional<Launch.GradeEndpoint> gradeEndpoint(JWTClaimsSet claims) {
		if (!(claims.getClaim(Claims.AGS_ENDPOINT) instanceof Map<?, ?> endpoint)) {
			return Optional.empty();
		}
		List<String> scopes = (endpoint.get("scope") instanceof List<?> list)
				? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
		return Optional.of(new Launch.GradeEndpoint(Optional.ofNullable(member(claims, Claims.AGS_ENDPOINT, "lineitem"))
			.filter(LaunchVerifier::serviceUrl), Optional.ofNullable(member(claims, Claims.AGS_ENDPOINT, "lineitems"))
			.filter(LaunchVerifier::serviceUrl), scopes));
	}

	/** Scores carry a learner's platform id: they only go over HTTPS (plain HTTP only to this machine, for tests). */
	private static boolean serviceUrl(String url) {
		return url.matches(RegistrationForm.URL);
	}

	private static Launch.DeepLinking deepLinking(JWTClaimsSet claims) {
		String returnUrl = member(claims, Claims.DEEP_LINKING_SETTINGS, "deep_link_return_url");
		if (returnUrl == null || !(returnUrl.startsWith("https://") || returnUrl.startsWith("http://localhost"))) {
			throw new LaunchRefused(Reason.MISSING_CLAIM);
		}
		Object multiple = (claims.getClaim(Claims.DEEP_LINKING_SETTINGS) instanceof Map<?, ?> settings)
				? settings.get("accept_multiple") : null;
		return new Launch.DeepLinking(returnUrl, Optional.ofNullable(member(claims, Claims.DEEP_LINKING_SETTINGS, "data")),
				!Boolean.FALSE.equals(multiple));
	}

	private static String string(JWTClaimsSet claims, String name) {
		return (claims.getClaim(name) instanceof String value) ? value : null;
	}

	private static String member(JWTClaimsSet claims, String name, String field) {
		if (claims.getClaim(name) instanceof Map<?, ?> map && map.get(field) instanceof String value && !value.isBlank()) {
			return value;
		}
		return null;
	}

}
