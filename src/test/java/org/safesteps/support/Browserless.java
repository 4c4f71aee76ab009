package org.safesteps.support;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one HTTP client of the integration tests: a browser without JavaScript. It keeps cookies
 * (dropping expired ones), reads the CSRF token of the forms it is shown, can arrive through the
 * HTTPS proxy or from a client address of its own (X-Forwarded-Proto / X-Forwarded-For, which the
 * test server trusts from 127.0.0.1), can follow redirects, and can talk to several app instances
 * on localhost with one set of cookies, as a real browser's cookies go to every port of a host.
 * Safe for one thread per browser; several threads may share one once its cookies are set.
 */
public final class Browserless {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** Client addresses handed out through the proxy, one per browser unless a test names one. */
	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private final Jar jar;

	private final Http http;

	private boolean https;

	private String address;

	private boolean followRedirects;

	public Browserless(int port) {
		this(port, new Jar());
	}

	private Browserless(int port, Jar jar) {
		this.jar = jar;
		this.http = new Http(port);
	}

	/**
	 * From now on arrives as if through the HTTPS proxy, from a client address of its own, so the
	 * per-client counters (wrong join codes, sign-ins, rate limits) of one test's browsers do not
	 * carry over to another's.
	 */
	public Browserless viaHttpsProxy() {
		this.https = true;
		if (this.address == null) {
			int n = ADDRESSES.incrementAndGet();
			this.address = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
		}
		return this;
	}

	/** From now on arrives through the proxy from this client address (X-Forwarded-For). */
	public Browserless from(String address) {
		this.address = address;
		return this;
	}

	/** From now on follows redirects (a GET of the Location, cookies kept), as a browser does. */
	public Browserless followingRedirects() {
		this.followRedirects = true;
		return this;
	}

	/** The same browser (cookies, token, address) talking to the app instance on another port. */
	public Browserless at(int otherPort) {
		Browserless other = new Browserless(otherPort, this.jar);
		other.https = this.https;
		other.address = this.address;
		other.followRedirects = this.followRedirects;
		return other;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/** Posts a form with the CSRF token found on {@code page} (none if it has none); fields may repeat. */
	public HttpResponse<String> post(String path, String page, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		Matcher csrf = CSRF.matcher(page);
		if (csrf.find()) {
			all.add(Map.entry("_csrf", csrf.group(1)));
		}
		return postBody(path, encode(all));
	}

	public HttpResponse<String> post(String path, String page, Map<String, String> fields) {
		return post(path, page, new ArrayList<>(fields.entrySet()));
	}

	/** Posts a form with the CSRF token of the last page this browser was shown; fields may repeat. */
	public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
		List<Map.Entry<String, String>> all = new ArrayList<>(fields);
		all.add(Map.entry("_csrf", csrf()));
		return postBody(path, encode(all));
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		return post(path, new ArrayList<>(fields.entrySet()));
	}

	/** Posts exactly these fields: no CSRF token. */
	public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		return postBody(path, encode(new ArrayList<>(fields.entrySet())));
	}

	/** Posts a body as it is (a form the test encoded itself, or not at all). */
	public HttpResponse<String> postBody(String path, String body) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** A GET with the fields as its query, or a POST of them with the last page's CSRF token. */
	public HttpResponse<String> send(String method, String path, List<Map.Entry<String, String>> fields) {
		if (method.equals("POST")) {
			return post(path, fields);
		}
		String query = encode(fields);
		return get(query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query);
	}

	/** Signs in through the real form; the session and CSRF token then belong to the account. */
	public Browserless signIn(String email, String password) {
		HttpResponse<String> login = get("/login");
		HttpResponse<String> done = post("/login", login.body(), Map.of("username", email, "password", password));
		String location = done.headers().firstValue("Location").orElse("");
		if (done.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in failed: " + done.statusCode() + " " + location);
		}
		get("/teacher");
		return this;
	}

	/** Joins with a class code (or a resume code); the learner cookie is then kept. */
	public Browserless join(String code) {
		HttpResponse<String> form = get("/join");
		HttpResponse<String> joined = post("/join", form.body(), Map.of("code", code));
		if (joined.statusCode() != 302) {
			throw new IllegalStateException("join failed: " + joined.statusCode());
		}
		return this;
	}

	/** The CSRF token of the last page shown that had one ("" before any). */
	public String csrf() {
		synchronized (this.jar) {
			return this.jar.csrf;
		}
	}

	public String cookie(String name) {
		synchronized (this.jar) {
			return this.jar.cookies.get(name);
		}
	}

	/** Sets a cookie as if the site had (null: removes it). */
	public void cookie(String name, String value) {
		synchronized (this.jar) {
			if (value == null) {
				this.jar.cookies.remove(name);
			}
			else {
				this.jar.cookies.put(name, value);
			}
		}
	}

	/** The cookies kept now, name to value. */
	public Map<String, String> cookies() {
		synchronized (this.jar) {
			return new LinkedHashMap<>(this.jar.cookies);
		}
	}

	/** Every Set-Cookie header this browser has been sent, in order. */
	public List<String> setCookies() {
		synchronized (this.jar) {
			return List.copyOf(this.jar.setCookies);
		}
	}

	/** Forgets every cookie, as a fresh browser on another device. */
	public void forgetCookies() {
		synchronized (this.jar) {
			this.jar.cookies.clear();
		}
	}

	private HttpRequest.Builder request(String path) {
		// a bound far above any answer the app promises, so a hung request fails the test instead of stalling it
		HttpRequest.Builder request = HttpRequest.newBuilder(this.http.uri(path)).timeout(Duration.ofSeconds(30));
		if (this.https) {
			request.header("X-Forwarded-Proto", "https");
		}
		if (this.address != null) {
			request.header("X-Forwarded-For", this.address);
		}
		String cookies;
		synchronized (this.jar) {
			cookies = this.jar.cookies.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; "));
		}
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		HttpResponse<String> response = keep(this.http.send(request.build()));
		for (int hops = 0; this.followRedirects && isRedirect(response); hops++) {
			if (hops == 10) {
				throw new IllegalStateException("more than 10 redirects from " + response.uri());
			}
			String location = response.headers().firstValue("Location").orElseThrow();
			response = keep(this.http.send(request(location.replaceFirst("^https?://[^/]+", "")).GET().build()));
		}
		return response;
	}

	private static boolean isRedirect(HttpResponse<String> response) {
		return response.statusCode() >= 301 && response.statusCode() <= 308 && response.statusCode() != 304
				&& response.headers().firstValue("Location").isPresent();
	}

	private HttpResponse<String> keep(HttpResponse<String> response) {
		synchronized (this.jar) {
			for (String header : response.headers().allValues("Set-Cookie")) {
				this.jar.setCookies.add(header);
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).strip();
				String value = pair.substring(eq + 1).strip();
				if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
					this.jar.cookies.remove(name);
				}
				else {
					this.jar.cookies.put(name, value);
				}
			}
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.jar.csrf = token.group(1);
			}
		}
		return response;
	}

	private static String encode(List<Map.Entry<String, String>> fields) {
		return fields.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** What a browser keeps between requests, shared by its views of several ports ({@link #at}). */
	private static final class Jar {

		private final Map<String, String> cookies = new LinkedHashMap<>();

		private final List<String> setCookies = new ArrayList<>();

		private String csrf = "";

	}

}
