package org.safesteps.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/** The headers every response must carry, checked the same way by every security test. */
final class SecurityHeaders {

	private SecurityHeaders() {
	}

	/** Adds a line to {@code problems} for each header missing or wrong on {@code response}. */
	static void check(HttpResponse<String> response, boolean https, String what, List<String> problems) {
		String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
		if (!csp.contains("default-src 'self'") || !csp.contains("frame-ancestors 'none'")
				|| !csp.contains("script-src 'self'") || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
			problems.add(what + ": Content-Security-Policy " + csp);
		}
		expect(response, "X-Content-Type-Options", "nosniff", what, problems);
		expect(response, "Referrer-Policy", "no-referrer", what, problems);
		expect(response, "X-Frame-Options", "DENY", what, problems);
		if (!response.headers().firstValue("Permissions-Policy").orElse("").contains("camera=()")) {
			problems.add(what + ": Permissions-Policy");
		}
		String hsts = response.headers().firstValue("Strict-Transport-Security").orElse("");
		if (https && !hsts.contains("max-age=")) {
			problems.add(what + ": no Strict-Transport-Security over HTTPS");
		}
		if (!https && !hsts.isEmpty()) {
			problems.add(what + ": Strict-Transport-Security over plain HTTP");
		}
		for (String cookie : response.headers().allValues("Set-Cookie")) {
			String flags = cookie.toLowerCase(Locale.ROOT);
			if (!flags.contains("httponly") || !flags.contains("samesite=") || (https != flags.contains("secure"))) {
				problems.add(what + ": cookie flags " + cookie.replaceFirst("=[^;]*", "=…"));
			}
		}
	}

	private static void expect(HttpResponse<String> response, String header, String value, String what,
			List<String> problems) {
		if (!value.equalsIgnoreCase(response.headers().firstValue(header).orElse(""))) {
			problems.add(what + ": " + header + " " + response.headers().firstValue(header).orElse("missing"));
		}
	}

}
