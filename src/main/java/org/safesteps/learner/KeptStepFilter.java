package org.safesteps.learner;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Response;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Lesson;
import org.safesteps.content.Localized;
import org.safesteps.content.Module;
import org.safesteps.display.DisplayOptions;
import org.safesteps.guidance.HelpCountry;
import org.safesteps.progress.ProgressStore;
import org.safesteps.session.Firewall;
import org.safesteps.theme.RequestLanguage;
import org.safesteps.theme.RequestTheme;

/**
 * Serves a learner's lesson step ({@code GET /learn/{module}?step=n}) from the response the full
 * filter chain and MVC wrote for the same request before, without running them again. The first
 * such request of a kind goes through everything and its response (the kept page of
 * {@link RenderedSteps} with the headers the filters wrote around it) is kept; later ones get those
 * bytes and headers straight away.
 * <p>
 * "The same request" is every input the full chain's answer depends on: the path and query, the
 * learner's band and the page's language (their class's language, the switch's cookie or
 * Accept-Language), the Accept-Language header (help country), the display, language and country
 * cookies, and whether the request came over HTTPS (HSTS, cookie flags). Everything else must be
 * absent or the request falls through to the full chain: another cookie (a teacher's session, the
 * sign-in return address, a learning platform's frame), a body, an Authorization header, a query
 * other than {@code step=n}, a method other than GET, an address Spring Security's firewall would
 * refuse, a learner not recognised, a module or step not theirs, a step not reached yet (the full
 * chain marks it), the first step while the confidence check may be offered (a form with this
 * browser's token), no CSRF cookie yet (the full chain sets one), any failure of the lookups
 * (database trouble is answered by the full chain as always).
 * <p>
 * What it skips, and why each part is not needed for such a request: Spring Security's
 * authorisation ({@code /learn/**} is open to everyone: children are not accounts), its session,
 * security-context, request-cache, logout, sign-in and account-status filters (no session or
 * request-cache cookie, so there is nobody signed in and nothing to restore), the CSRF filter (a
 * GET is not checked; the browser's token cookie exists, so none is written), the header writers
 * (their headers are in the kept response, written for the same inputs), and MVC (the handler,
 * the model advice and the view, whose output is the kept page). It runs after the filters that
 * apply to it: database failures (outermost), body size and rate limits (ordered before it), the
 * learning-platform frame marker (its cookie sends the request to the full chain). The learner is
 * looked up as the controller does (the same five-second copy, last-seen time written as before).
 */
final class KeptStepFilter extends OncePerRequestFilter {

	/** Request attribute: the valve's {@link Asked} for a request it passed on to the container. */
	private static final String STEP_ATTRIBUTE = KeptStepFilter.class.getName() + ".step";

	private static final String PREFIX = "/learn/";

	private static final String STEP_QUERY = "step=";

	/** Spring Security's CSRF cookie (account feature): present, so the full chain would write none. */
	static final String CSRF_COOKIE = "safesteps_csrf";

	/** The only cookies such a request may carry; the full chain reads no others for it. */
	static final Set<String> COOKIES = Set.of(LearnerCookie.NAME, CSRF_COOKIE, DisplayOptions.COOKIE,
			RequestLanguage.COOKIE, HelpCountry.COOKIE);

	/** Headers the servlet container writes itself, and those set through their own methods. */
	private static final Set<String> NOT_KEPT = Set.of("date", "content-length", "transfer-encoding", "connection",
			"keep-alive", "content-type", "content-language");

	/** The same checks as the full chain's firewall ({@link Firewall}), which it passes requests through. */
	private final StrictHttpFirewall firewall = Firewall.strict();

	private final Curriculum curriculum;

	private final Learners learners;

	private final ProgressStore progress;

	private final RenderedSteps steps;

	private final AtomicLong served = new AtomicLong();

	KeptStepFilter(Curriculum curriculum, Learners learners, ProgressStore progress, RenderedSteps steps) {
		this.curriculum = curriculum;
		this.learners = learners;
		this.progress = progress;
		this.steps = steps;
	}

	/** How many requests were answered here rather than by the full chain (for tests). */
	long served() {
		return this.served.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the valve in front of the container (KeptStepValve) looked at this request already: reuse what it found
		Optional<Step> step = (request.getAttribute(STEP_ATTRIBUTE) instanceof Asked asked) ? asked.step()
				: step(request);
		if (step.isPresent() && answered(step.get(), response)) {
			return;
		}
		chain.doFilter(request, response);
		step.ifPresent((asked) -> keep(asked, request, response));
	}

	/**
	 * Answers a request from its kept response, if it is a kept step this learner reached; false when
	 * the full chain must answer it (this filter then keeps the full chain's answer if it can). For
	 * {@link KeptStepValve}, which calls it before the servlet container's filters run.
	 */
	boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<Step> step = step(request);
		if (step.isPresent() && answered(step.get(), response)) {
			return true;
		}
		request.setAttribute(STEP_ATTRIBUTE, new Asked(step));
		return false;
	}

	private boolean answered(Step step, HttpServletResponse response) throws IOException {
		Optional<RenderedSteps.Response> kept = this.steps.response(step.key());
		if (kept.isEmpty() || !reached(step)) {
			return false;
		}
		// counted before the bytes go: a client may read them all before the next line runs
		this.served.incrementAndGet();
		write(kept.get(), response);
		return true;
	}

	/** The step this request asks for, if it is one this filter may answer. */
	private Optional<Step> step(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getContentLengthLong() > 0
				|| request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			return Optional.empty();
		}
		String uri = request.getRequestURI();
		int start = request.getContextPath().length();
		String query = request.getQueryString();
		int stepNumber = (query != null) ? stepOf(query) : 1;
		if (!isModulePath(uri, start) || stepNumber == 0 || !onlyKnownCookies(request)) {
			return Optional.empty();
		}
		String path = uri.substring(start);
		try {
			FirewalledRequest checked = this.firewall.getFirewalledRequest(request);
			String acceptLanguage = acceptLanguage(checked);
			Optional<Learner> learner = this.learners.current(request);
			if (learner.isEmpty()) {
				return Optional.empty();
			}
			Band band = learner.get().band();
			String moduleId = path.substring(PREFIX.length());
			Optional<Module> module = this.curriculum.module(moduleId).filter((found) -> found.hasBand(band));
			// the query is step=n or none, so no ?lang= (which RequestLanguage.of would parse the query for)
			String language = RequestLanguage.unlinked(request).code();
			Optional<Localized<Lesson>> lesson = module.flatMap((found) -> found.lesson(band, language));
			if (lesson.isEmpty()) {
				return Optional.empty();
			}
			int total = lesson.get().value().steps().size();
			if (stepNumber > total
					|| (stepNumber == 1 && this.curriculum.evidence().check(moduleId, band).isPresent())) {
				return Optional.empty();
			}
			return Optional.of(new Step(key(request, path, query, language, acceptLanguage), learner.get().id(),
					moduleId, stepNumber - 1, total));
		}
		catch (RuntimeException ex) {
			// refused by the firewall (RequestRejectedException), or a lookup failed: the full chain answers as it always does
			return Optional.empty();
		}
	}

	/**
	 * Whether the address from {@code start} is {@code /learn/} and a module id: a letter or digit,
	 * then up to 79 letters, digits and hyphens, all lower case ASCII. Checked by hand, not with a
	 * pattern: this runs on every lesson step.
	 */
	static boolean isModulePath(String uri, int start) {
		int id = start + PREFIX.length();
		int length = uri.length() - id;
		if (length < 1 || length > 80 || !uri.startsWith(PREFIX, start)) {
			return false;
		}
		for (int i = id; i < uri.length(); i++) {
			char c = uri.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > id);
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/** The n of a query that is exactly {@code step=n}, n from 1 to 999 without leading zeros; else 0. */
	static int stepOf(String query) {
		int digits = query.length() - STEP_QUERY.length();
		if (digits < 1 || digits > 3 || !query.startsWith(STEP_QUERY) || query.charAt(STEP_QUERY.length()) == '0') {
			return 0;
		}
		int number = 0;
		for (int i = STEP_QUERY.length(); i < query.length(); i++) {
			char c = query.charAt(i);
			if (c < '0' || c > '9') {
				return 0;
			}
			number = number * 10 + (c - '0');
		}
		return number;
	}

	/** Every Accept-Language header, one a line (most requests have one: no list is made for it). */
	private static String acceptLanguage(HttpServletRequest checked) {
		Enumeration<String> headers = checked.getHeaders(HttpHeaders.ACCEPT_LANGUAGE);
		if (!headers.hasMoreElements()) {
			return "";
		}
		String first = headers.nextElement();
		if (!headers.hasMoreElements()) {
			return first;
		}
		StringJoiner all = new StringJoiner("\n").add(first);
		headers.asIterator().forEachRemaining(all::add);
		return all.toString();
	}

	/** The inputs of the full chain's answer; null band or language when the request has none (never kept). */
	private static Key key(HttpServletRequest request, String path, String query, String language,
			String acceptLanguage) {
		Map<String, String> cookies = null;
		for (Cookie cookie : request.getCookies()) {
			if (!cookie.getName().equals(LearnerCookie.NAME) && !cookie.getName().equals(CSRF_COOKIE)) {
				if (cookies == null) {
					cookies = new TreeMap<>();
				}
				cookies.put(cookie.getName(), cookie.getValue());
			}
		}
		Band band = (request.getAttribute(RequestTheme.BAND_ATTRIBUTE) instanceof Band found) ? found : null;
		return new Key(path, query, band, language, acceptLanguage, (cookies != null) ? Map.copyOf(cookies) : Map.of(),
				request.isSecure());
	}

	/** Learner, CSRF token and the reader's settings only, each once, and the learner's and token present. */
	private static boolean onlyKnownCookies(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		Set<String> seen = new HashSet<>();
		for (Cookie cookie : cookies) {
			if (!COOKIES.contains(cookie.getName()) || !seen.add(cookie.getName())) {
				return false;
			}
			if (cookie.getName().equals(CSRF_COOKIE) && (cookie.getValue() == null || cookie.getValue().isEmpty())) {
				return false;
			}
		}
		return seen.contains(CSRF_COOKIE) && LearnerCookie.read(request).isPresent();
	}

	/** Whether the learner reached the step before (else the full chain marks it, checking the learner first). */
	private boolean reached(Step step) {
		try {
			return this.progress.reached(step.learnerId(), step.moduleId(), step.index(), step.total());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Keeps the full chain's response to a request this filter could not answer yet, if it is a kept
	 * page, complete, without a cookie, and the request's inputs did not change on the way (the class's
	 * language, say).
	 */
	private void keep(Step step, HttpServletRequest request, HttpServletResponse response) {
		Optional<byte[]> body = RenderedSteps.sharedBody(request);
		if (body.isEmpty() || response.getStatus() != HttpStatus.OK.value()
				|| !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() || response.getContentType() == null) {
			return;
		}
		Key now = key(request, step.key().path(), step.key().query(), RequestLanguage.of(request).code(),
				step.key().acceptLanguage());
		if (!now.equals(step.key()) || now.band() == null) {
			return;
		}
		List<Map.Entry<String, String>> headers = keptHeaders(response);
		this.steps.keep(step.key(), new RenderedSteps.Response(body.get(), response.getContentType(),
				response.getLocale(), headers, WireHeaders.of(headers, response.getContentType(), response.getLocale())));
	}

	/** The headers the full chain wrote, each name once in its first spelling, but those the container writes. */
	static List<Map.Entry<String, String>> keptHeaders(HttpServletResponse response) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		Map<String, String> names = new LinkedHashMap<>();
		response.getHeaderNames().forEach((name) -> names.putIfAbsent(name.toLowerCase(Locale.ROOT), name));
		names.forEach((lowerCase, name) -> {
			if (!NOT_KEPT.contains(lowerCase)) {
				response.getHeaders(name).forEach((value) -> headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value)));
			}
		});
		return List.copyOf(headers);
	}

	/**
	 * In the order the full chain writes them: the locale, the content type, the other headers, the
	 * body. Straight to the connector's response (the valve's) as the bytes encoded when it was kept.
	 */
	private static void write(RenderedSteps.Response kept, HttpServletResponse response) throws IOException {
		if (response instanceof Response connector && kept.wire().isPresent() && !connector.isCommitted()
				&& connector.getCoyoteResponse().getMimeHeaders().size() == 0) {
			kept.wire().get().writeTo(connector);
			connector.getOutputStream().write(kept.body());
			return;
		}
		response.setLocale(kept.locale());
		response.setContentType(kept.contentType());
		for (Map.Entry<String, String> header : kept.headers()) {
			response.addHeader(header.getKey(), header.getValue());
		}
		response.getOutputStream().write(kept.body());
	}

	/**
	 * What a response depends on.
	 *
	 * @param cookies the display, language and country cookies' values by name
	 * @param secure whether the request came over HTTPS
	 */
	record Key(String path, String query, Band band, String language, String acceptLanguage,
			Map<String, String> cookies, boolean secure) {
	}

	private record Step(Key key, String learnerId, String moduleId, int index, int total) {
	}

	/** What the valve found for a request it could not answer (empty: not a step this filter may answer). */
	private record Asked(Optional<Step> step) {
	}

}
