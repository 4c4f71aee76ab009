package org.safesteps.lti;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import org.safesteps.lti.LaunchRefused.Reason;

/**
 * /lti/login: third-party initiated login (LTI 1.3 Core 4.1, 1EdTech Security Framework 5.1.1).
 * The platform names itself; if it is registered and enabled, the browser goes to its
 * authorisation URL with a fresh state and nonce (kept in MongoDB, so any instance can take the
 * launch), asking for the id_token to be posted to /lti/launch.
 */
@Controller
class LtiLoginController {

	private final Registrations registrations;

	private final LoginStates states;

	LtiLoginController(Registrations registrations, LoginStates states) {
		this.registrations = registrations;
		this.states = states;
	}

	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	String login(@RequestParam(name = "iss", required = false) String issuer,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint, HttpServletResponse response,
			Model model) {
		try {
			return "redirect:" + authorisationRequest(issuer, loginHint, targetLinkUri, clientId, deploymentId, messageHint);
		}
		catch (LaunchRefused refused) {
			return refused.page(response, model);
		}
	}

	private String authorisationRequest(String issuer, String loginHint, String targetLinkUri, String clientId,
			String deploymentId, String messageHint) {
		if (blank(issuer) || blank(loginHint) || blank(targetLinkUri)) {
			throw new LaunchRefused(Reason.MISSING_PARAMETER);
		}
		Registration registration = registration(issuer, clientId);
		if (!registration.enabled()) {
			throw new LaunchRefused(Reason.PLATFORM_DISABLED);
		}
		if (!blank(deploymentId) && !registration.deploymentIds().contains(deploymentId)) {
			throw new LaunchRefused(Reason.DEPLOYMENT);
		}
		LoginStates.Pending pending = this.states.start(registration.id());
		UriComponentsBuilder authorise = UriComponentsBuilder.fromUriString(registration.authUrl())
			.queryParam("scope", "openid")
			.queryParam("response_type", "id_token")
			.queryParam("response_mode", "form_post")
			.queryParam("prompt", "none")
			.queryParam("client_id", registration.clientId())
			.queryParam("redirect_uri", ServletUriComponentsBuilder.fromCurrentContextPath().path("/lti/launch").toUriString())
			.queryParam("login_hint", loginHint)
			.queryParam("state", pending.state())
			.queryParam("nonce", pending.nonce());
		if (!blank(messageHint)) {
			authorise.queryParam("lti_message_hint", messageHint);
		}
		return authorise.encode().build().toUriString();
	}

	/** By issuer and client id; a platform that sends no client id must have registered the tool only once. */
	private Registration registration(String issuer, String clientId) {
		if (!blank(clientId)) {
			return this.registrations.find(issuer, clientId).orElseThrow(() -> new LaunchRefused(Reason.UNKNOWN_PLATFORM));
		}
		List<Registration> found = this.registrations.forIssuer(issuer);
		if (found.size() != 1) {
			throw new LaunchRefused(Reason.UNKNOWN_PLATFORM);
		}
		return found.get(0);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
