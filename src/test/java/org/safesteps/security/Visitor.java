package org.safesteps.security;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.safesteps.support.Http;

/**
 * One visitor of the site for security tests: keeps cookies and its session's CSRF token, and can
 * arrive as if through the HTTPS proxy (X-Forwarded-Proto from 127.0.0.1, a trusted address). Through
 * the proxy each visitor has its own client address (X-Forwarded-For), so the per-client counters
 * (wrong join codes, sign-ins, rate limits) of one test's visitors do not carry over to another's.
 */
final class Visitor {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final Http http;

	private final boolean https;

	private final String address;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf = "";

	Visitor(int port, boolean https) {
		this.http = new Http(port);
		this.https = https;
		int n = ADDRESSES.incrementAndGet();
		this.address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	HttpResponse<String> get(String path) {
		return keep(this.http.send(base(path).GET().build()));
	}

	/** Sends a form with this visitor's CSRF token; fields may repeat. */
	HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		all.add(Map.entry("_csrf", this.csrf));
		return postBody(path, all.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&")));
	}

	HttpResponse<String> postBody(String path, String body) {
		return keep(this.http.send(base(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build()));
	}

	HttpResponse<String> send(String method, String path, List<Map.Entry<String, String>> fields) {
		if (method.equals("POST")) {
			return post(path, fields);
		}
		String query = fields.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return get(query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query);
	}

	String csrf() {
		return this.csrf;
	}

	String cookie(String name) {
		return this.cookies.get(name);
	}

	void cookie(String name, String value) {
		if (value == null) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	/** Signs in through the real form; the session and CSRF token then belong to the account. */
	Visitor signIn(String email, String password) {
		get("/login");
		HttpResponse<String> done = post("/login", List.of(Map.entry("username", email), Map.entry("password", password)));
		if (done.statusCode() != 302 || done.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in failed: " + done.statusCode());
		}
		get("/teacher");
		return this;
	}

	private HttpRequest.Builder base(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path));
		if (this.https) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", this.address);
		}
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet().stream()
				.map((e) -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> keep(HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).strip();
			String value = pair.substring(eq + 1).strip();
			if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
