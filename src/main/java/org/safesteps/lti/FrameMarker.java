package org.safesteps.lti;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

import org.safesteps.session.CrossSiteBrowsing;

/**
 * Remembers, for the pages after a launch, that this browser uses SafeSteps inside a platform's
 * frame: a cookie holding the registration's id (nothing about the user). On later requests the
 * filter marks the request for that platform's origin (if the registration is still enabled), so
 * those pages may be framed by it and their cookies come back inside the frame. Sign-in, set-up,
 * invitation and admin pages are never framed.
 */
final class FrameMarker extends OncePerRequestFilter {

	static final String COOKIE = "safesteps_lti";

	/** Registrations change rarely; a disabled one stops framing within this time on every instance. */
	private static final Duration CACHE = Duration.ofMinutes(1);

	private final Registrations registrations;

	private final Clock clock;

	private final Map<String, Cached> origins = new ConcurrentHashMap<>();

	FrameMarker(Registrations registrations, Clock clock) {
		this.registrations = registrations;
		this.clock = clock;
	}

	static void write(HttpServletRequest request, HttpServletResponse response, String registrationId) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, registrationId)
			.path("/")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite(CrossSiteBrowsing.sameSite(request))
			.build()
			.toString());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!neverFramed(path)) {
			registrationId(request).flatMap(this::originOf).ifPresent((origin) -> CrossSiteBrowsing.allow(request, origin));
		}
		chain.doFilter(request, response);
	}

	private static boolean neverFramed(String path) {
		return path.startsWith("/admin") || path.startsWith("/login") || path.startsWith("/logout")
				|| path.startsWith("/setup") || path.startsWith("/invite") || path.startsWith("/actuator");
	}

	private static Optional<String> registrationId(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null && cookie.getValue().matches("[0-9a-f]{24}")) {
					return Optional.of(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	private Optional<String> originOf(String registrationId) {
		Instant now = this.clock.instant();
		Cached cached = this.origins.get(registrationId);
		if (cached == null || cached.until().isBefore(now)) {
			cached = new Cached(this.registrations.findById(registrationId).filter(Registration::enabled)
				.map(Registration::framingOrigin), now.plus(CACHE));
			this.origins.put(registrationId, cached);
		}
		return cached.origin();
	}

	private record Cached(Optional<String> origin, Instant until) {
	}

}
