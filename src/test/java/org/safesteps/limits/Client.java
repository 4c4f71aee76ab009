package org.safesteps.limits;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.safesteps.support.Http;

/**
 * A browser at a given network address: the test server trusts X-Forwarded-For from 127.0.0.1 (as
 * behind a proxy), so each client counts as its own address. Keeps cookies and the CSRF token.
 */
final class Client {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final Http http;

	private final String address;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf = "";

	Client(int port, String address) {
		this.http = new Http(port);
		this.address = address;
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = keep(this.http.send(base(path).GET().build()));
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return response;
	}

	HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", this.csrf);
		String body = all.entrySet().stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return keep(this.http.send(base(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build()));
	}

	private HttpRequest.Builder base(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path)).header("X-Forwarded-For", this.address);
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
			this.cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
		}
		return response;
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
