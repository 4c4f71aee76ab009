package org.safesteps.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

import org.safesteps.session.CrossSiteBrowsing;

/**
 * The Content-Security-Policy and X-Frame-Options of every response. No page may be framed
 * ({@code frame-ancestors 'none'}, {@code X-Frame-Options: DENY}) except where an LTI launch marked
 * the request: then only the launching platform's origin may frame it (X-Frame-Options cannot name
 * an origin, so it is left out there, as CSP level 2 browsers ignore it beside frame-ancestors anyway).
 * Written when the response is committed, after the request was marked.
 */
final class FramingHeaders implements HeaderWriter {

	/** No inline script or style anywhere: everything the pages need is served by the app. */
	static String policy(String frameAncestors) {
		return policy(frameAncestors, "'self'");
	}

	private static String policy(String frameAncestors, String formAction) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; "
				+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; "
				+ "base-uri 'none'; form-action " + formAction + "; frame-ancestors " + frameAncestors;
	}

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (response.containsHeader("Content-Security-Policy")) {
			return;
		}
		String origin = CrossSiteBrowsing.framingOrigin(request).orElse(null);
		// only the page handing a Deep Linking answer back to the platform posts anywhere else
		String formAction = CrossSiteBrowsing.formActionOrigin(request).map((other) -> "'self' " + other).orElse("'self'");
		if (origin == null) {
			response.setHeader("Content-Security-Policy", policy("'none'", formAction));
			response.setHeader("X-Frame-Options", "DENY");
		}
		else {
			response.setHeader("Content-Security-Policy", policy(origin, formAction));
		}
	}

}
