package org.safesteps.session;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from a browser using SafeSteps inside a learning platform's frame (an
 * LTI launch), and from which platform origin. Such a browser sends our cookies only if they are
 * {@code SameSite=None; Secure}, and our pages show in the frame only if that origin is in
 * {@code frame-ancestors}; everyone else keeps {@code SameSite=Lax} and {@code frame-ancestors 'none'}.
 * The LTI feature marks the request; cookie writers and the security headers ask here.
 */
public final class CrossSiteBrowsing {

	private static final String ATTRIBUTE = CrossSiteBrowsing.class.getName() + ".origin";

	private static final String FORM_ACTION = CrossSiteBrowsing.class.getName() + ".formAction";

	private CrossSiteBrowsing() {
	}

	/** Lets this response be framed by {@code origin} and its cookies reach the browser inside that frame. */
	public static void allow(HttpServletRequest request, String origin) {
		request.setAttribute(ATTRIBUTE, origin);
	}

	/** The platform origin that may frame this response, if any. */
	public static Optional<String> framingOrigin(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof String origin) ? Optional.of(origin) : Optional.empty();
	}

	/** Lets this response's form post to {@code origin} (a platform's Deep Linking return URL). */
	public static void allowFormAction(HttpServletRequest request, String origin) {
		request.setAttribute(FORM_ACTION, origin);
	}

	/** Another origin this response's forms may post to, if any. */
	public static Optional<String> formActionOrigin(HttpServletRequest request) {
		return (request.getAttribute(FORM_ACTION) instanceof String origin) ? Optional.of(origin) : Optional.empty();
	}

	/**
	 * The SameSite attribute of a cookie written on this request. {@code None} only inside a
	 * platform's frame over HTTPS (browsers drop {@code None} without {@code Secure}); {@code Lax}
	 * otherwise.
	 */
	public static String sameSite(HttpServletRequest request) {
		return (framingOrigin(request).isPresent() && request.isSecure()) ? "None" : "Lax";
	}

}
