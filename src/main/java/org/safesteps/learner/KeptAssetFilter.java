package org.safesteps.learner;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import org.safesteps.session.Firewall;

/**
 * Serves a stylesheet, script, font or icon ({@code GET /assets/...}) from the response the full
 * filter chain and the resource handler wrote for the same address before. Half of a child's first
 * visit is assets, the same bytes and headers for everyone: through the filters, Spring Security's
 * asset chain and MVC, one cost about as much CPU as a kept lesson step's whole page (docs/performance.md,
 * "The 9:00 burst again"). {@link KeptStepValve} calls it before the servlet container's filters.
 * <p>
 * What the full chain's answer to an asset depends on, and so what a kept one is kept by: the path,
 * and whether the request came over HTTPS (HSTS). What would change it sends the request to the full
 * chain: a method other than GET, a query, a body, a range or a condition ({@code Range},
 * {@code If-*}), an Authorization header, an address Spring Security's firewall would refuse, and any
 * cookie but a learner's, the CSRF token's and the reader's settings (a teacher's session, a learning
 * platform's frame, whose framing headers differ). Only a complete 200 without a cookie, that its
 * Cache-Control lets a browser reuse, is kept: not the assets of themes edited in their folders.
 */
final class KeptAssetFilter extends OncePerRequestFilter {

	private static final String PREFIX = "/assets/";

	/** The same checks as the full chain's firewall ({@link Firewall}), which it passes requests through. */
	private final StrictHttpFirewall firewall = Firewall.strict();

	/** Only files that exist are kept, under addresses the firewall lets through: a few dozen in all. */
	private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

	private final AtomicLong keptBytes = new AtomicLong();

	private final long maxBytes;

	private final AtomicLong served = new AtomicLong();

	/** @param maxBytes the most the kept bodies may take together */
	KeptAssetFilter(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/** How many requests were answered here rather than by the full chain (for tests). */
	long served() {
		return this.served.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Key> key = key(request);
		if (key.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (answered(key.get(), response)) {
			return;
		}
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, capture);
			keep(key.get(), capture);
		}
		finally {
			capture.copyBodyToResponse();
		}
	}

	/** Answers a request from its kept response if there is one; false when the full chain must answer it. */
	boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<Key> key = key(request);
		return key.isPresent() && answered(key.get(), response);
	}

	/** Whether a request's address is an asset's (the valve's first, cheap question). */
	static boolean isAsset(String path) {
		return path.startsWith(PREFIX);
	}

	private boolean answered(Key key, HttpServletResponse response) throws IOException {
		Kept asset = this.kept.get(key);
		if (asset == null) {
			return false;
		}
		response.setContentType(asset.contentType());
		for (Map.Entry<String, String> header : asset.headers()) {
			response.addHeader(header.getKey(), header.getValue());
		}
		response.setContentLength(asset.body().length);
		// counted before the bytes go: a client may read them all before the next line runs
		this.served.incrementAndGet();
		response.getOutputStream().write(asset.body());
		return true;
	}

	/** The kept response's key for a request this filter may answer, if it is one. */
	private Optional<Key> key(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"GET".equals(request.getMethod()) || !isAsset(path) || request.getQueryString() != null
				|| request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(HttpHeaders.RANGE) != null
				|| conditional(request) || !onlyReadersCookies(request)) {
			return Optional.empty();
		}
		try {
			this.firewall.getFirewalledRequest(request);
		}
		catch (RuntimeException ex) {
			// refused by the firewall (RequestRejectedException): the full chain answers as it always does
			return Optional.empty();
		}
		return Optional.of(new Key(path, request.isSecure()));
	}

	private static boolean conditional(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.IF_NONE_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null
				|| request.getHeader(HttpHeaders.IF_MATCH) != null
				|| request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE) != null
				|| request.getHeader(HttpHeaders.IF_RANGE) != null;
	}

	/** No cookie, or only the ones a learner's browser carries (each once), which no asset's answer reads. */
	private static boolean onlyReadersCookies(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return true;
		}
		Set<String> seen = new HashSet<>();
		for (Cookie cookie : cookies) {
			if (!KeptStepFilter.COOKIES.contains(cookie.getName()) || !seen.add(cookie.getName())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Keeps the full chain's answer if it is a complete 200 without a cookie that says it may be
	 * reused: assets read from the themes' folders while they are edited answer {@code no-cache}.
	 */
	private void keep(Key key, ContentCachingResponseWrapper response) {
		String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
		if (response.getStatus() != HttpStatus.OK.value() || response.getContentType() == null
				|| !response.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() || cacheControl == null
				|| !cacheControl.contains("max-age") || cacheControl.contains("no-")) {
			return;
		}
		Kept asset = new Kept(response.getContentAsByteArray(), response.getContentType(),
				KeptStepFilter.keptHeaders(response));
		// past the bound (more files than the themes have), what is not kept yet is served by the full chain
		if (this.keptBytes.addAndGet(asset.body().length) > this.maxBytes || this.kept.putIfAbsent(key, asset) != null) {
			this.keptBytes.addAndGet(-asset.body().length);
		}
	}

	private record Key(String path, boolean secure) {
	}

	private record Kept(byte[] body, String contentType, List<Map.Entry<String, String>> headers) {
	}

}
