package org.safesteps.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request with 429 (and {@code Retry-After}) once its client, or the account it signs in
 * to, has used up a limit; the status page says in plain words to wait. The client is the request's
 * remote address, already resolved through a trusted proxy's forwarded headers; it is never logged.
 * If the buckets cannot be reached, requests pass (the page itself then reports the database) and
 * the buckets are left alone for a few seconds.
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

	private static final long PAUSE_AFTER_FAILURE_MS = 5_000;

	/** Resume codes are 12 letters and digits, class codes 6: their length tells them apart. */
	private static final int RESUME_CODE_LENGTH = 12;

	private final RateLimits limits;

	private final RateLimitProperties properties;

	private volatile long pausedUntil;

	RateLimitFilter(RateLimits limits, RateLimitProperties properties) {
		this.limits = limits;
		this.properties = properties;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Duration> wait = check(request);
		if (wait.isPresent()) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds() + 1)));
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
			return;
		}
		chain.doFilter(request, response);
	}

	/** Whether a limit applies to this request (then a request answered before this filter must come here). */
	boolean limited(HttpServletRequest request) {
		return this.properties.enabled() && !checks(request).isEmpty();
	}

	private Optional<Duration> check(HttpServletRequest request) {
		if (!this.properties.enabled() || System.currentTimeMillis() < this.pausedUntil
				|| !this.limits.storeReachable()) {
			return Optional.empty();
		}
		try {
			for (Check check : checks(request)) {
				Optional<Duration> wait = this.limits.take(check.bucket(), check.limit(), check.key());
				if (wait.isPresent()) {
					return wait;
				}
			}
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			// any failure of the bucket store (timeouts, lost connections) lets the request through
			this.pausedUntil = System.currentTimeMillis() + PAUSE_AFTER_FAILURE_MS;
			log.warn("Rate limits unavailable, requests pass for {} ms: {}", PAUSE_AFTER_FAILURE_MS,
					ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/** The buckets a request draws from, most general first. */
	private List<Check> checks(HttpServletRequest request) {
		String client = request.getRemoteAddr();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean post = "POST".equals(request.getMethod());
		List<Check> checks = new ArrayList<>();
		if (post) {
			checks.add(new Check("posts", this.properties.posts(), client));
		}
		if (post && path.equals("/join")) {
			checks.add(isResumeCode(request.getParameter("code"))
					? new Check("resume-codes", this.properties.resumeCodes(), client)
					: new Check("join-codes", this.properties.joinCodes(), client));
		}
		if (post && path.equals("/join/pictures")) {
			checks.add(new Check("join-codes", this.properties.joinCodes(), client));
		}
		if (post && path.equals("/login")) {
			checks.add(new Check("login-client", this.properties.loginClient(), client));
			String account = request.getParameter("username");
			if (account != null) {
				checks.add(new Check("login-account", this.properties.loginAccount(),
						account.strip().toLowerCase(Locale.ROOT)));
			}
		}
		if (path.startsWith("/invite/")) {
			checks.add(new Check("invites", this.properties.invites(), client));
		}
		return checks;
	}

	private static boolean isResumeCode(String typed) {
		return typed != null && typed.length() <= 60
				&& typed.chars().filter(Character::isLetterOrDigit).count() == RESUME_CODE_LENGTH;
	}

	private record Check(String bucket, Limit limit, String key) {
	}

}
