package org.safesteps.lti;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import org.safesteps.session.CrossSiteBrowsing;

/**
 * The {@code safesteps_lti_grade} cookie, written on a learner's launch through a link whose
 * platform takes scores: which line item, which SafeSteps learner, and the platform's user id,
 * sealed ({@link Sealer}) so that neither the device nor anyone reading the cookie learns the id.
 * It lets the quiz's result queue a score for that user without SafeSteps storing the platform's
 * id beside the learner. A browser-session cookie, sent to {@code /learn} pages only.
 */
final class GradeCookie {

	static final String NAME = "safesteps_lti_grade";

	/** What a learner's launch left for their quiz. */
	record Grade(String lineItemId, String learnerId, String platformUserId) {
	}

	private GradeCookie() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, Sealer sealer, Grade grade) {
		String sealed = sealer.seal(Map.of("lineItem", grade.lineItemId(), "learner", grade.learnerId(), "user",
				grade.platformUserId()));
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(NAME, sealed)
			.path("/learn")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite(CrossSiteBrowsing.sameSite(request))
			.build()
			.toString());
	}

	static Optional<Grade> read(HttpServletRequest request, Sealer sealer) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				return sealer.open(cookie.getValue())
					.filter((values) -> values.get("lineItem") instanceof String && values.get("learner") instanceof String
							&& values.get("user") instanceof String)
					.map((values) -> new Grade((String) values.get("lineItem"), (String) values.get("learner"),
							(String) values.get("user")));
			}
		}
		return Optional.empty();
	}

}
