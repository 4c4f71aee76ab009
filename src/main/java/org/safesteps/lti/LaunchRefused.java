package org.safesteps.lti;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A launch or login SafeSteps will not accept. The reason picks the page's words: what went wrong,
 * in terms the platform's administrator can act on. Never carries token contents.
 */
class LaunchRefused extends RuntimeException {

	/** Why, and the status the page answers with. */
	enum Reason {

		MISSING_PARAMETER(HttpStatus.BAD_REQUEST), UNKNOWN_PLATFORM(HttpStatus.BAD_REQUEST),
		PLATFORM_DISABLED(HttpStatus.FORBIDDEN), STATE(HttpStatus.BAD_REQUEST), MALFORMED(HttpStatus.BAD_REQUEST),
		SIGNATURE(HttpStatus.UNAUTHORIZED), KEYS_UNAVAILABLE(HttpStatus.BAD_REQUEST), ISSUER(HttpStatus.UNAUTHORIZED),
		AUDIENCE(HttpStatus.UNAUTHORIZED), EXPIRED(HttpStatus.UNAUTHORIZED), ISSUED_IN_FUTURE(HttpStatus.UNAUTHORIZED),
		NONCE(HttpStatus.UNAUTHORIZED), DEPLOYMENT(HttpStatus.FORBIDDEN), MESSAGE_TYPE(HttpStatus.BAD_REQUEST),
		VERSION(HttpStatus.BAD_REQUEST), MISSING_CLAIM(HttpStatus.BAD_REQUEST),
		TEACHER_UNKNOWN(HttpStatus.FORBIDDEN), CLASS_NOT_READY(HttpStatus.CONFLICT),
		UNKNOWN_MODULE(HttpStatus.BAD_REQUEST), NOT_INSTRUCTOR(HttpStatus.FORBIDDEN);

		private final HttpStatus status;

		Reason(HttpStatus status) {
			this.status = status;
		}

		HttpStatus status() {
			return this.status;
		}

		/** The message key of this reason's explanation ({@code lti.refused.expired}). */
		String messageKey() {
			return "lti.refused." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	private final Reason reason;

	LaunchRefused(Reason reason) {
		super(reason.name(), null, false, false);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * The refusal page, with its 4xx status. Rendered by the controller itself (not an exception
	 * handler) so that the page gets the request's theme like any other.
	 */
	String page(HttpServletResponse response, Model model) {
		response.setStatus(this.reason.status().value());
		model.addAttribute("reason", this.reason.messageKey());
		model.addAttribute("status", this.reason.status().value());
		return "lti/refused";
	}

}
