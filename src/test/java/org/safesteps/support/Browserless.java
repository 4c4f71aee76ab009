package org.safesteps.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny cookie-keeping form client: fetch a page, read its CSRF token, post the form, as a
 * browser without JavaScript would.
 */
public final class Browserless {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final Http http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private boolean https;

	public Browserless(int port) {
		this.http = new Http(port);
	}

	/** From now on, arrives as if through the HTTPS proxy (X-Forwarded-Proto from 127.0.0.1, a trusted address). */
	public Browserless viaHttpsProxy() {
		this.https = true;
		return this;
	}

	public HttpResponse<String> get(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path)).GET();
		addCookies(request);
		return keepCookies(this.http.send(request.build()));
	}

	/** Posts a form, adding the CSRF token found on {@code page}. */
	public HttpResponse<String> post(String path, String page, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		Matcher csrf = CSRF.matcher(page);
		if (csrf.find()) {
			all.put("_csrf", csrf.group(1));
		}
		return postRaw(path, all);
	}

	public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		addCookies(request);
		return keepCookies(this.http.send(request.build()));
	}

	public String cookie(String name) {
		return this.cookies.get(name);
	}

	private void addCookies(HttpRequest.Builder request) {
		if (this.https) {
			request.header("X-Forwarded-Proto", "https");
		}
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet().stream()
				.map((e) -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
	}

	private HttpResponse<String> keepCookies(HttpResponse<String> response) {
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
		return response;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
