package org.safesteps.learner;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import org.safesteps.session.CrossSiteBrowsing;

/**
 * The learner's cookie: the token only (never the id, pseudonym or band), HttpOnly so scripts
 * cannot read it, SameSite=Lax (None inside a learning platform's frame, see {@link CrossSiteBrowsing}),
 * Secure when the request came over HTTPS.
 */
final class LearnerCookie {

	static final String NAME = "safesteps_learner";

	/** Browsers keep cookies at most about 400 days; retention deletes idle learners after that too. */
	private static final Duration MAX_AGE = Duration.ofDays(400);

	private LearnerCookie() {
	}

	static Optional<String> read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().length() == 43) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String token) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, MAX_AGE).toString());
	}

	static void clear(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
	}

	private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.path("/")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite(CrossSiteBrowsing.sameSite(request))
			.maxAge(maxAge)
			.build();
	}

}
