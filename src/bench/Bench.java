import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The Java half of the load benchmark (src/bench/run.sh compiles and runs it): seeds the app through
 * its own HTTP pages (the lesson and quiz data; the class report's teachers and classes), drives the
 * "9:00 burst", checks what one school address gets from the rate limits, and counts documents in
 * the embedded database. Plain JDK HttpClient so nothing beyond the app's own MongoDB driver jars is
 * needed. Every simulated browser sends its own address as X-Forwarded-For ({@link #address(int)}).
 */
public final class Bench {

	static final String LEARNER_COOKIE = "safesteps_learner";

	static final List<String> BANDS = List.of("AGES_8_10", "AGES_11_13", "AGES_14_17", "AGES_5_7");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final Pattern JOIN_CODE = Pattern.compile("id=\"join-code\"[^>]*>([^<]+)<");

	static final Pattern MODULE_SELECT = Pattern.compile("<select[^>]*name=\"moduleId\"[^>]*>(.*?)</select>",
			Pattern.DOTALL);

	static final Pattern OPTION_VALUE = Pattern.compile("<option[^>]*value=\"([^\"]+)\"");

	static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>");

	static final Pattern SELECT = Pattern.compile("<select\\b[^>]*name=\"(q-[^\"]+)\"[^>]*>");

	static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	static final Pattern LESSON_LINK = Pattern.compile("href=\"/learn/([a-z0-9-]+)\"");

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: Bench seed|report-seed|school|burst|count|fetch ...");
			System.exit(2);
		}
		// the HTTP client's pool threads are not daemons: leave by System.exit, also on failure
		try {
			switch (args[0]) {
				case "seed" -> Seed.run(args[1], Path.of(args[2]));
				case "burst" -> Burst.run(args[1], Path.of(args[2]), Path.of(args[3]));
				case "report-seed" -> ReportSeed.run(args[1], Path.of(args[2]));
				case "school" -> School.run(args[1], Path.of(args[2]), Path.of(args[3]));
				case "count" -> System.out.println(count(Integer.parseInt(args[1]), args[2]));
				case "fetch" -> System.out.print(fetchAs(args[1], args[2]));
				default -> {
					System.err.println("unknown command " + args[0]);
					System.exit(2);
				}
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	static int env(String name, int fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : Integer.parseInt(value.trim());
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

	/**
	 * The n-th simulated client address, in 198.18.0.0/15 (RFC 2544: reserved for benchmarking, never
	 * routed, not one of the private ranges Tomcat trusts as proxies): learner, teacher and the
	 * burst's learners each get their own, so the limits count them apart as they would count pupils
	 * at home or behind different schools' addresses.
	 */
	static String address(int n) {
		int index = Math.floorMod(n, 1 << 17);
		return "198." + (18 + (index >> 16)) + "." + ((index >> 8) & 255) + "." + (index & 255);
	}

	/** Address blocks of {@link #address(int)}: who is who in the limits' buckets. */
	static final int ADMIN_ADDRESSES = 0;

	static final int LEARNER_ADDRESSES = 1_000;

	static final int TEACHER_ADDRESSES = 30_000;

	static final int REPORT_LEARNER_ADDRESSES = 31_000;

	static final int BURST_ADDRESSES = 40_000;

	/**
	 * Documents in one collection of the embedded database (reached on its fixed loopback port). The
	 * count command, answered from the collection's size: countDocuments is an aggregation, which
	 * the embedded server runs by loading every document, and 50,000 attempts did not fit beside
	 * the app's own data in its 512 MB heap.
	 */
	static long count(int port, String collection) {
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000")) {
			return client.getDatabase("safesteps").getCollection(collection).estimatedDocumentCount();
		}
	}

	/** A page as a cookie header sees it: used to save the lesson HTML that nginx serves. */
	static String fetchAs(String url, String cookie) throws Exception {
		Http http = new Http(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
		Response response = http.get(url, cookie);
		if (response.status() != 200) {
			throw new IllegalStateException("GET " + url + " answered " + response.status());
		}
		return response.body();
	}

	static String form(Map<String, String> fields) {
		StringBuilder body = new StringBuilder();
		fields.forEach((name, value) -> {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(encode(name)).append('=').append(encode(value));
		});
		return body.toString();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static Optional<String> first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(tag);
		while (matcher.find()) {
			attributes.put(matcher.group(1), matcher.group(2));
		}
		return attributes;
	}

	/** One response: status, body, the Location header and the cookies it set. */
	record Response(int status, String body, String location, Map<String, String> cookies, long nanos) {
	}

	/**
	 * A tiny cookie-aware client: cookies are kept by the caller, one jar per simulated browser.
	 * Every request may carry the address it comes from as {@code X-Forwarded-For}, as a school's
	 * proxy or a home router's public address reaches the app through the operator's reverse proxy:
	 * the app trusts that header from loopback (Tomcat's RemoteIpValve, internal proxies) and keys
	 * its rate limits on it. With {@code retries} above 0 (seeding only), an answer 503 (a database
	 * operation over its budget, e.g. while a durable build syncs) is sent again after a growing
	 * pause, at most that many times; every retry is counted and reported.
	 */
	static final class Http {

		final HttpClient client;

		final int retries;

		final AtomicInteger retried = new AtomicInteger();

		final AtomicInteger retriedRequests = new AtomicInteger();

		Http(HttpClient client) {
			this(client, 0);
		}

		Http(HttpClient client, int retries) {
			this.client = client;
			this.retries = retries;
		}

		Response get(String url, String cookie) throws IOException, InterruptedException {
			return get(url, cookie, null);
		}

		Response get(String url, String cookie, String address) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
			return send(request, cookie, address);
		}

		/** This client as a {@link Client} for paths under {@code base}, from one address. */
		Client relativeTo(String base, String address) {
			return new Client() {

				@Override
				public Response get(String path, String cookie) throws IOException, InterruptedException {
					return Http.this.get(base + path, cookie, address);
				}

				@Override
				public Response post(String path, String cookie, String body) throws IOException, InterruptedException {
					return Http.this.post(base + path, cookie, body, address);
				}

			};
		}

		Response post(String url, String cookie, String body) throws IOException, InterruptedException {
			return post(url, cookie, body, null);
		}

		Response post(String url, String cookie, String body, String address) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			return send(request, cookie, address);
		}

		private Response send(HttpRequest.Builder request, String cookie, String address)
				throws IOException, InterruptedException {
			if (cookie != null && !cookie.isEmpty()) {
				request.header("Cookie", cookie);
			}
			if (address != null) {
				request.header("X-Forwarded-For", address);
			}
			HttpRequest built = request.build();
			Response response = sendOnce(built);
			for (int attempt = 1; response.status() == 503 && attempt <= this.retries; attempt++) {
				if (attempt == 1) {
					this.retriedRequests.incrementAndGet();
				}
				this.retried.incrementAndGet();
				// 0.25 s, 0.5 s, 1 s, ... : long enough for a slow sync to finish, bounded in total
				Thread.sleep(250L << (attempt - 1));
				response = sendOnce(built);
			}
			return response;
		}

		private Response sendOnce(HttpRequest request) throws IOException, InterruptedException {
			long start = System.nanoTime();
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			long nanos = System.nanoTime() - start;
			Map<String, String> cookies = new LinkedHashMap<>();
			for (String header : response.headers().allValues("set-cookie")) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
				}
			}
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("location").orElse(null), cookies, nanos);
		}

		Response get(String url, Jar jar) throws IOException, InterruptedException {
			return get(url, jar.header(), jar.address);
		}

		Response post(String url, Jar jar, String body) throws IOException, InterruptedException {
			return post(url, jar.header(), body, jar.address);
		}

		/** One line for seed.txt and results.md: how many seeding requests were sent again after a 503. */
		String retryReport(String what) {
			return String.format("%s: %d requests answered 503 and were sent again (%d retries in all, at most %d "
					+ "per request, pauses 0.25 s doubling)", what, this.retriedRequests.get(), this.retried.get(),
					this.retries);
		}

	}

	/** The cookies of one simulated browser, and the address its requests come from (null: loopback). */
	static final class Jar {

		final Map<String, String> cookies = new LinkedHashMap<>();

		final String address;

		Jar() {
			this(null);
		}

		Jar(String address) {
			this.address = address;
		}

		Jar keep(Response response) {
			response.cookies().forEach((name, value) -> {
				if (value.isEmpty()) {
					this.cookies.remove(name);
				}
				else {
					this.cookies.put(name, value);
				}
			});
			return this;
		}

		String header() {
			StringBuilder header = new StringBuilder();
			this.cookies.forEach((name, value) -> {
				if (header.length() > 0) {
					header.append("; ");
				}
				header.append(name).append('=').append(value);
			});
			return header.toString();
		}

		String get(String name) {
			return this.cookies.getOrDefault(name, "");
		}

		/** The same browser's cookies, sent from another address. */
		Jar from(String other) {
			Jar jar = new Jar(other);
			jar.cookies.putAll(this.cookies);
			return jar;
		}

	}

	/** What the burst's learners send requests with: the JDK's HttpClient or {@link Browser}. */
	interface Client {

		Response get(String path, String cookie) throws IOException, InterruptedException;

		Response post(String path, String cookie, String body) throws IOException, InterruptedException;

	}

	/**
	 * One learner's browser tab for the burst: HTTP/1.1 on one kept-alive connection, written and
	 * parsed by hand. The burst client runs on the app's cores, and the JDK's HttpClient spent 1.3
	 * CPU ms per request there (a learner's device would spend it elsewhere); this spends a fraction.
	 * Reads Content-Length and chunked bodies; no TLS, no redirects (the caller checks each status).
	 */
	static final class Browser implements Client, AutoCloseable {

		private final String host;

		private final String address;

		private final java.net.InetSocketAddress target;

		private java.net.Socket socket;

		private java.io.InputStream in;

		private java.io.OutputStream out;

		/** The server said it closes the connection after the last answer: the next request opens another. */
		private boolean closing;

		/** A tab whose requests come from {@code address} (X-Forwarded-For), or loopback when null. */
		Browser(String base, String address) throws IOException {
			URI uri = URI.create(base);
			this.host = uri.getHost() + ":" + uri.getPort();
			this.address = address;
			this.target = new java.net.InetSocketAddress(uri.getHost(), uri.getPort());
			connect();
		}

		private void connect() throws IOException {
			this.socket = new java.net.Socket();
			this.socket.connect(this.target, 10_000);
			this.socket.setSoTimeout(30_000);
			this.socket.setTcpNoDelay(true);
			this.in = new java.io.BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
			this.out = new java.io.BufferedOutputStream(this.socket.getOutputStream(), 4 * 1024);
			this.closing = false;
		}

		@Override
		public Response get(String path, String cookie) throws IOException {
			return exchange("GET", path, cookie, null);
		}

		@Override
		public Response post(String path, String cookie, String body) throws IOException {
			return exchange("POST", path, cookie, body);
		}

		private Response exchange(String method, String path, String cookie, String body) throws IOException {
			StringBuilder request = new StringBuilder(256).append(method)
				.append(' ')
				.append(path)
				.append(" HTTP/1.1\r\nHost: ")
				.append(this.host)
				.append("\r\nUser-Agent: safesteps-bench\r\n");
			if (this.address != null) {
				request.append("X-Forwarded-For: ").append(this.address).append("\r\n");
			}
			if (cookie != null && !cookie.isEmpty()) {
				request.append("Cookie: ").append(cookie).append("\r\n");
			}
			if (this.closing) {
				this.socket.close();
				connect();
			}
			byte[] content = (body == null) ? null : body.getBytes(StandardCharsets.UTF_8);
			if (content != null) {
				request.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
					.append(content.length)
					.append("\r\n");
			}
			request.append("\r\n");
			long start = System.nanoTime();
			this.out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (content != null) {
				this.out.write(content);
			}
			this.out.flush();
			String statusLine = line();
			if (statusLine == null || statusLine.length() < 12) {
				throw new IOException("no response to " + method + " " + path);
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			Map<String, String> cookies = new LinkedHashMap<>();
			String location = null;
			long length = -1;
			boolean chunked = false;
			for (String header = line(); header != null && !header.isEmpty(); header = line()) {
				int colon = header.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
				String value = header.substring(colon + 1).trim();
				switch (name) {
					case "set-cookie" -> {
						String pair = value.split(";", 2)[0];
						int eq = pair.indexOf('=');
						if (eq > 0) {
							cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
						}
					}
					case "location" -> location = value;
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
					case "connection" -> this.closing = value.equalsIgnoreCase("close");
					default -> {
					}
				}
			}
			java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream(chunked ? 16 * 1024 : (int) Math.max(length, 0));
			if (chunked) {
				for (long size = chunkSize(); size > 0; size = chunkSize()) {
					copy(size, received);
					line();
				}
				for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
					// no trailers expected; read past them
				}
			}
			else if (length > 0) {
				copy(length, received);
			}
			long nanos = System.nanoTime() - start;
			return new Response(status, received.toString(StandardCharsets.UTF_8), location, cookies, nanos);
		}

		private long chunkSize() throws IOException {
			String size = line();
			if (size == null) {
				throw new IOException("connection closed in a chunked body");
			}
			int extension = size.indexOf(';');
			return Long.parseLong((extension >= 0) ? size.substring(0, extension).trim() : size.trim(), 16);
		}

		private void copy(long length, java.io.ByteArrayOutputStream to) throws IOException {
			byte[] buffer = new byte[8192];
			long left = length;
			while (left > 0) {
				int read = this.in.read(buffer, 0, (int) Math.min(buffer.length, left));
				if (read < 0) {
					throw new IOException("connection closed in a body");
				}
				to.write(buffer, 0, read);
				left -= read;
			}
		}

		/** A header line without its CRLF, or null at the end of the stream. */
		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = this.in.read(); c >= 0; c = this.in.read()) {
				if (c == '\n') {
					int end = line.length();
					return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
				}
				line.append((char) c);
			}
			return (line.length() == 0) ? null : line.toString();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

	/** The seeding client: HTTP/1.1, four pool threads, 503s sent again up to BENCH_SEED_RETRIES times. */
	static Http seedingHttp() {
		return new Http(HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(4))
			.build(), env("BENCH_SEED_RETRIES", 6));
	}

	/**
	 * Seeds through the app's pages: the admin signs in, creates classes (seeded ones, the ones the
	 * burst joins and the school probe's), assigns every module of the band, then learners join with
	 * the codes, read a few steps, open the quiz (its CSRF token and form are kept for the quiz
	 * scenario) and some submit it. Writes classes.tsv, learners.tsv, teacher.cookie, seed.status and
	 * seed.retries to the folder.
	 */
	static final class Seed {

		static void run(String base, Path out) throws Exception {
			Files.createDirectories(out);
			int classCount = env("BENCH_CLASSES", 200);
			int perClass = env("BENCH_LEARNERS_PER_CLASS", 30);
			int burstClasses = env("BENCH_BURST_CLASSES", 200);
			int schoolClasses = env("BENCH_SCHOOL_CLASSES", 4);
			int parallel = env("BENCH_SEED_PARALLEL", 8);
			String quizModule = env("BENCH_QUIZ_MODULE", "trusted-adults");
			String lessonModule = env("BENCH_LESSON_MODULE", "trusted-adults");
			Http http = seedingHttp();
			try {
				seed(http, base, out, classCount, perClass, burstClasses, schoolClasses, parallel, quizModule,
						lessonModule);
			}
			finally {
				Files.writeString(out.resolve("seed.retries"), http.retryReport("Seeding") + "\n");
				System.out.println(http.retryReport("Seed"));
			}
		}

		private static void seed(Http http, String base, Path out, int classCount, int perClass, int burstClasses,
				int schoolClasses, int parallel, String quizModule, String lessonModule) throws Exception {
			long started = System.nanoTime();
			Jar teacher = signIn(http, base, env("SAFESTEPS_ADMIN_EMAIL", ""), env("SAFESTEPS_ADMIN_PASSWORD", ""),
					address(ADMIN_ADDRESSES));
			// signing in replaces the CSRF cookie: the first page after it sets the new one
			Response probe = http.get(base + "/teacher", teacher);
			teacher.keep(probe);
			Files.writeString(out.resolve("teacher.cookie"), teacher.header());
			String csrf = first(CSRF, probe.body()).orElse("");
			Response created = http.post(base + "/teacher/classes", teacher,
					form(Map.of("_csrf", csrf, "name", "Bench class probe", "band", BANDS.get(0))));
			if (created.status() != 302 || created.location() == null || !created.location().contains("/teacher/classes/")) {
				Files.writeString(out.resolve("seed.status"), "no-teacher-pages\n");
				System.out.println("Seed: signed in, but creating a class answered " + created.status()
						+ "; the teacher pages are not in this build, so classes and learners are not seeded");
				return;
			}
			ExecutorService pool = Executors.newFixedThreadPool(parallel);
			List<ClassInfo> classes = Collections.synchronizedList(new ArrayList<>());
			List<Future<?>> work = new ArrayList<>();
			// the CSRF cookie's token stays valid for every form of this browser: fetch it once
			String teacherCsrf = first(CSRF, http.get(base + "/teacher", teacher).body()).orElseThrow();
			for (int i = 0; i < classCount + burstClasses + schoolClasses; i++) {
				int index = i;
				String kind = (index < classCount) ? "seed" : (index < classCount + burstClasses) ? "burst" : "school";
				// 400 classes and their assignments in half a minute are no teacher's traffic, and the
				// posts limit would rightly refuse them from one address: each class's forms get their own
				Jar from = teacher.from(address(ADMIN_ADDRESSES + 1 + index));
				work.add(pool.submit(() -> {
					classes.add(createClass(http, base, from, teacherCsrf, index, kind,
							BANDS.get(index % BANDS.size()), Integer.MAX_VALUE));
					return null;
				}));
			}
			waitAll(work);
			classes.sort((a, b) -> Integer.compare(a.index, b.index));
			try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve("classes.tsv")))) {
				for (ClassInfo info : classes) {
					writer.println(info.id + "\t" + info.band + "\t" + info.code + "\t" + info.kind + "\t"
							+ String.join(",", info.modules));
				}
			}
			System.out.printf("Seed: %d classes created and assigned in %.1f s%n", classes.size(), seconds(started));
			int joinPage = http.get(base + "/join", (String) null).status();
			if (joinPage != 200) {
				pool.shutdown();
				Files.writeString(out.resolve("seed.status"), "no-learner-pages\n");
				System.out.println("Seed: /join answered " + joinPage + "; the learner pages are not in this build, "
						+ "so no learners are seeded");
				return;
			}
			long joinsStarted = System.nanoTime();
			ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
			AtomicInteger submitted = new AtomicInteger();
			work.clear();
			for (ClassInfo info : classes) {
				if (!info.kind.equals("seed")) {
					continue;
				}
				for (int j = 0; j < perClass; j++) {
					int learner = j;
					String address = address(LEARNER_ADDRESSES + info.index * perClass + learner);
					work.add(pool.submit(() -> {
						lines.add(joinAndLearn(http, base, info, learner, address, lessonModule, quizModule, submitted));
						return null;
					}));
				}
			}
			waitAll(work);
			pool.shutdown();
			List<String> sorted = new ArrayList<>(lines);
			Collections.shuffle(sorted, new Random(42));
			Files.write(out.resolve("learners.tsv"), sorted);
			Files.writeString(out.resolve("seed.status"), "seeded\n");
			System.out.printf("Seed: %d learners joined, read steps and opened the quiz (%d submitted it) in %.1f s%n",
					sorted.size(), submitted.get(), seconds(joinsStarted));
		}

		static Jar signIn(Http http, String base, String email, String password, String address) throws Exception {
			Jar jar = new Jar(address);
			Response login = http.get(base + "/login", jar);
			jar.keep(login);
			String csrf = first(CSRF, login.body()).orElseThrow(() -> new IllegalStateException("no CSRF token on /login"));
			Response posted = http.post(base + "/login", jar,
					form(Map.of("_csrf", csrf, "username", email, "password", password)));
			jar.keep(posted);
			if (posted.status() != 302 || posted.location() == null || posted.location().contains("error")) {
				throw new IllegalStateException("sign-in failed: " + posted.status() + " " + posted.location());
			}
			return jar;
		}

		record ClassInfo(int index, String id, String band, String code, String kind, List<String> modules) {
		}

		/**
		 * Creates a class and assigns at most {@code limit} of the modules its page offers, the
		 * curriculum's own before the report's copies (ids ending in {@code -copy}).
		 */
		static ClassInfo createClass(Http http, String base, Jar teacher, String csrf, int index, String kind,
				String band, int limit) throws Exception {
			Response created = http.post(base + "/teacher/classes", teacher,
					form(Map.of("_csrf", csrf, "name", "Bench " + kind + " " + index, "band", band)));
			String location = created.location();
			if (created.status() != 302 || location == null) {
				throw new IllegalStateException("creating a class answered " + created.status());
			}
			String id = location.substring(location.lastIndexOf('/') + 1);
			String page = http.get(base + "/teacher/classes/" + id, teacher).body();
			String code = first(JOIN_CODE, page).orElseThrow().trim();
			List<String> offered = new ArrayList<>();
			first(MODULE_SELECT, page).ifPresent((options) -> {
				Matcher matcher = OPTION_VALUE.matcher(options);
				while (matcher.find()) {
					if (!matcher.group(1).isEmpty()) {
						offered.add(matcher.group(1));
					}
				}
			});
			List<String> ordered = new ArrayList<>();
			offered.stream().filter((module) -> !module.endsWith("-copy")).forEach(ordered::add);
			offered.stream().filter((module) -> module.endsWith("-copy")).forEach(ordered::add);
			List<String> modules = new ArrayList<>(ordered.subList(0, Math.min(limit, ordered.size())));
			for (String module : modules) {
				Response assigned = http.post(base + "/teacher/classes/" + id + "/assignments", teacher,
						form(Map.of("_csrf", csrf, "moduleId", module, "confirmed", "true")));
				if (assigned.status() != 302) {
					throw new IllegalStateException("assigning " + module + " answered " + assigned.status());
				}
			}
			return new ClassInfo(index, id, band, code, kind, modules);
		}

		/** One learner joins and makes some progress; returns the learners.tsv line. */
		static String joinAndLearn(Http http, String base, ClassInfo info, int number, String address,
				String lessonModule, String quizModule, AtomicInteger submitted) throws Exception {
			Jar jar = join(http, base, info.code, address);
			Random random = new Random(info.index * 1000L + number);
			// some progress: a few steps of the first modules, more for some learners than others
			int modulesRead = random.nextInt(Math.min(2, info.modules.size()) + 1);
			for (int m = 0; m < modulesRead; m++) {
				int steps = 1 + random.nextInt(2);
				for (int step = 1; step <= steps; step++) {
					http.get(base + "/learn/" + info.modules.get(m) + "?step=" + step, jar);
				}
			}
			Response lesson = http.get(base + "/learn/" + lessonModule + "?step=1", jar);
			if (lesson.status() != 200) {
				throw new IllegalStateException("lesson answered " + lesson.status());
			}
			Response quiz = http.get(base + "/learn/" + quizModule + "/quiz", jar);
			jar.keep(quiz);
			if (quiz.status() != 200) {
				throw new IllegalStateException("quiz answered " + quiz.status());
			}
			String csrf = first(CSRF, quiz.body()).orElseThrow(() -> new IllegalStateException("no CSRF on the quiz"));
			String answers = answers(quiz.body(), random);
			if (random.nextInt(3) > 0) {
				Response result = http.post(base + "/learn/" + quizModule + "/quiz", jar,
						"_csrf=" + encode(csrf) + "&submissionId=" + java.util.UUID.randomUUID() + "&" + answers);
				if (result.status() == 200 && result.body().contains("result-score")) {
					submitted.incrementAndGet();
				}
			}
			// column 2: every cookie of this browser (learner, and session or CSRF cookie if the app sets
			// one), so the quiz scenario works whether the CSRF token lives in a session or a cookie;
			// column 6: the address the learner's requests come from
			return jar.get(LEARNER_COOKIE) + "\t" + jar.header() + "\t" + encode(csrf) + "\t" + quizModule
					+ "\t" + answers + "\t" + address;
		}

		/** A complete answer to the quiz form: one choice per question, every order item in a place. */
		static String answers(String page, Random random) {
			Map<String, List<String>> choices = new LinkedHashMap<>();
			Matcher inputs = INPUT.matcher(page);
			while (inputs.find()) {
				Map<String, String> input = attributes(inputs.group());
				String type = input.getOrDefault("type", "");
				String name = input.getOrDefault("name", "");
				if ((type.equals("radio") || type.equals("checkbox")) && name.startsWith("q-")) {
					choices.computeIfAbsent(name, (key) -> new ArrayList<>()).add(input.get("value"));
				}
			}
			List<String> fields = new ArrayList<>();
			choices.forEach((name, values) -> fields.add(encode(name) + "=" + values.get(random.nextInt(values.size()))));
			Map<String, List<String>> orders = new LinkedHashMap<>();
			Matcher selects = SELECT.matcher(page);
			while (selects.find()) {
				String name = selects.group(1);
				orders.computeIfAbsent(name.substring(0, name.lastIndexOf('-')), (key) -> new ArrayList<>()).add(name);
			}
			orders.forEach((question, names) -> {
				List<Integer> places = new ArrayList<>();
				for (int i = 1; i <= names.size(); i++) {
					places.add(i);
				}
				Collections.shuffle(places, random);
				for (int i = 0; i < names.size(); i++) {
					fields.add(encode(names.get(i)) + "=" + places.get(i));
				}
			});
			return String.join("&", fields);
		}

	}

	/**
	 * Seeds the class report scenario at the target's size: the admin invites teachers (each
	 * accepts the invitation link, sets a password and signs in from an address of its own), each
	 * teacher creates classes and assigns {@code BENCH_REPORT_MODULES} modules, and every learner
	 * of those classes joins and submits the quiz of every assigned module. Writes report.tsv (class
	 * id, the owning teacher's cookies, the teacher's address, teacher number) and report.retries.
	 */
	static final class ReportSeed {

		static final List<String> REPORT_BANDS = List.of("AGES_11_13", "AGES_14_17", "AGES_8_10");

		static final Pattern INVITE_LINK = Pattern.compile("id=\"invite-link\"[^>]*>([^<]+)<");

		static void run(String base, Path out) throws Exception {
			Files.createDirectories(out);
			Http http = seedingHttp();
			try {
				seed(http, base, out);
			}
			finally {
				Files.writeString(out.resolve("report.retries"), http.retryReport("Report seeding") + "\n");
				System.out.println(http.retryReport("Report seed"));
			}
		}

		private static void seed(Http http, String base, Path out) throws Exception {
			int teachers = env("BENCH_REPORT_TEACHERS", 8);
			int classesPerTeacher = env("BENCH_REPORT_CLASSES_PER_TEACHER", 2);
			int learners = env("BENCH_REPORT_LEARNERS", 35);
			int moduleCount = env("BENCH_REPORT_MODULES", 12);
			int parallel = env("BENCH_SEED_PARALLEL", 8);
			long started = System.nanoTime();
			Jar admin = Seed.signIn(http, base, env("SAFESTEPS_ADMIN_EMAIL", ""), env("SAFESTEPS_ADMIN_PASSWORD", ""),
					address(ADMIN_ADDRESSES));
			Response list = http.get(base + "/admin/teachers", admin);
			admin.keep(list);
			String adminCsrf = first(CSRF, list.body()).orElseThrow(() -> new IllegalStateException("no CSRF on /admin/teachers"));
			List<String> lines = new ArrayList<>();
			List<Seed.ClassInfo> classes = new ArrayList<>();
			for (int t = 0; t < teachers; t++) {
				String email = "bench-teacher-" + t + "@example.org";
				String password = "bench-" + java.util.UUID.randomUUID() + "-" + t;
				Response invited = http.post(base + "/admin/teachers", admin, form(Map.of("_csrf", adminCsrf, "email", email)));
				if (invited.status() != 302) {
					throw new IllegalStateException("inviting a teacher answered " + invited.status());
				}
				String link = first(INVITE_LINK, http.get(base + "/admin/teachers", admin).body())
					.orElseThrow(() -> new IllegalStateException("no invitation link on /admin/teachers"))
					.trim();
				String path = URI.create(link).getRawPath();
				Jar invitee = new Jar(address(TEACHER_ADDRESSES + t));
				Response invitation = http.get(base + path, invitee);
				invitee.keep(invitation);
				String token = first(CSRF, invitation.body()).orElseThrow(() -> new IllegalStateException("no CSRF on the invitation"));
				Response accepted = http.post(base + path, invitee,
						form(Map.of("_csrf", token, "name", "Bench teacher " + t, "password", password)));
				if (accepted.status() != 302) {
					throw new IllegalStateException("accepting the invitation answered " + accepted.status());
				}
				Jar teacher = Seed.signIn(http, base, email, password, invitee.address);
				Response probe = http.get(base + "/teacher", teacher);
				teacher.keep(probe);
				String csrf = first(CSRF, probe.body()).orElseThrow(() -> new IllegalStateException("no CSRF on /teacher"));
				for (int c = 0; c < classesPerTeacher; c++) {
					int index = t * classesPerTeacher + c;
					String band = REPORT_BANDS.get(index % REPORT_BANDS.size());
					Seed.ClassInfo info = Seed.createClass(http, base, teacher, csrf, index, "report", band, moduleCount);
					if (info.modules().size() < moduleCount) {
						throw new IllegalStateException("band " + band + " offers " + info.modules().size() + " modules, "
								+ moduleCount + " wanted: the report content (run.sh) has too few copies");
					}
					classes.add(info);
					lines.add(info.id() + "\t" + teacher.header() + "\t" + teacher.address + "\t" + t);
				}
			}
			System.out.printf("Report seed: %d teachers invited and signed in, %d classes with %d modules each in %.1f s%n",
					teachers, classes.size(), moduleCount, seconds(started));
			long joinsStarted = System.nanoTime();
			ExecutorService pool = Executors.newFixedThreadPool(parallel);
			AtomicInteger submitted = new AtomicInteger();
			List<Future<?>> work = new ArrayList<>();
			for (Seed.ClassInfo info : classes) {
				for (int j = 0; j < learners; j++) {
					String address = address(REPORT_LEARNER_ADDRESSES + info.index() * learners + j);
					long seed = info.index() * 1000L + j;
					work.add(pool.submit(() -> {
						completeEveryQuiz(http, base, info, address, new Random(seed), submitted);
						return null;
					}));
				}
			}
			waitAll(work);
			pool.shutdown();
			Files.write(out.resolve("report.tsv"), lines);
			System.out.printf("Report seed: %d learners joined and submitted %d quizzes (%d per learner) in %.1f s%n",
					classes.size() * learners, submitted.get(), moduleCount, seconds(joinsStarted));
		}

		/** One learner joins and completes every assigned module's quiz (completion comes with the first submission). */
		static void completeEveryQuiz(Http http, String base, Seed.ClassInfo info, String address, Random random,
				AtomicInteger submitted) throws Exception {
			Jar jar = join(http, base, info.code(), address);
			for (String module : info.modules()) {
				Response quiz = http.get(base + "/learn/" + module + "/quiz", jar);
				jar.keep(quiz);
				if (quiz.status() != 200) {
					throw new IllegalStateException("quiz of " + module + " answered " + quiz.status());
				}
				String csrf = first(CSRF, quiz.body()).orElseThrow(() -> new IllegalStateException("no CSRF on the quiz"));
				Response result = http.post(base + "/learn/" + module + "/quiz", jar, "_csrf=" + encode(csrf)
						+ "&submissionId=" + java.util.UUID.randomUUID() + "&" + Seed.answers(quiz.body(), random));
				if (result.status() != 200 || !result.body().contains("result-score")) {
					throw new IllegalStateException("submitting the quiz of " + module + " answered " + result.status());
				}
				submitted.incrementAndGet();
			}
		}

	}

	/**
	 * Whether honest traffic from one school address passes the limits (run once, not timed): one
	 * class of pupils behind one address joins, reads a step, opens and submits the quiz, all at
	 * once; then every "school" class's pupils join within a minute behind another single address,
	 * as a school starting lessons at 9:00 would. Counts the answers 429 (refused by a limit).
	 */
	static final class School {

		static void run(String base, Path classesFile, Path out) throws Exception {
			int pupils = env("BENCH_SCHOOL_PUPILS", 30);
			int windowSeconds = env("BENCH_SCHOOL_SECONDS", 60);
			String module = env("BENCH_QUIZ_MODULE", "trusted-adults");
			List<String> codes = new ArrayList<>();
			for (String line : Files.readAllLines(classesFile)) {
				String[] columns = line.split("\t");
				if (columns.length >= 4 && columns[3].equals("school")) {
					codes.add(columns[2]);
				}
			}
			if (codes.isEmpty()) {
				throw new IllegalStateException("no school classes in " + classesFile);
			}
			Http http = new Http(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newFixedThreadPool(4))
				.build());
			StringBuilder text = new StringBuilder();
			// one class, one address (TEST-NET-3, RFC 5737), everyone at once
			Map<String, AtomicInteger> refused = new java.util.concurrent.ConcurrentHashMap<>();
			AtomicInteger requests = new AtomicInteger();
			AtomicInteger done = new AtomicInteger();
			ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
			ExecutorService pool = Executors.newFixedThreadPool(pupils);
			List<Future<?>> work = new ArrayList<>();
			for (int p = 0; p < pupils; p++) {
				int pupil = p;
				work.add(pool.submit(() -> {
					try {
						if (lesson(http, base, codes.get(0), "203.0.113.10", module, new Random(pupil), refused, requests)) {
							done.incrementAndGet();
						}
					}
					catch (Exception ex) {
						if (problems.size() < 3) {
							problems.add(ex.toString());
						}
					}
					return null;
				}));
			}
			waitAll(work);
			pool.shutdown();
			text.append(String.format("School: one class of %d pupils behind one address, all at once (GET /join, POST /join, "
					+ "lesson step, quiz, POST quiz): %d of %d finished, %d requests, refused (429): %s%n", pupils,
					done.get(), pupils, requests.get(), refused.isEmpty() ? "none" : refused));
			problems.forEach((problem) -> text.append("School: error: ").append(problem).append('\n'));
			// every school class joining within the window, one address for the whole school
			int schoolPupils = pupils * codes.size();
			AtomicInteger joined = new AtomicInteger();
			AtomicInteger joinRefused = new AtomicInteger();
			AtomicInteger other = new AtomicInteger();
			ExecutorService joiners = Executors.newFixedThreadPool(32);
			work.clear();
			long start = System.nanoTime();
			for (int p = 0; p < schoolPupils; p++) {
				long due = start + (long) (p * (windowSeconds * 1e9 / schoolPupils));
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				String code = codes.get(p % codes.size());
				work.add(joiners.submit(() -> {
					Jar jar = new Jar("203.0.113.20");
					Response page = http.get(base + "/join", jar);
					jar.keep(page);
					String csrf = first(CSRF, page.body()).orElseThrow();
					Response posted = http.post(base + "/join", jar, form(Map.of("_csrf", csrf, "code", code)));
					if (posted.status() == 302) {
						joined.incrementAndGet();
					}
					else if (posted.status() == 429) {
						joinRefused.incrementAndGet();
					}
					else {
						other.incrementAndGet();
					}
					return null;
				}));
			}
			waitAll(work);
			joiners.shutdown();
			text.append(String.format("School: %d classes of %d (%d pupils) joining within %d s behind one address: %d joined, "
					+ "%d refused (429), %d other answers%n", codes.size(), pupils, schoolPupils, windowSeconds,
					joined.get(), joinRefused.get(), other.get()));
			Files.writeString(out, text.toString());
			System.out.print(text);
		}

		/** One pupil's first lesson; false (and the refusal counted) when a limit answers 429. */
		private static boolean lesson(Http http, String base, String code, String address, String module, Random random,
				Map<String, AtomicInteger> refused, AtomicInteger requests) throws Exception {
			Jar jar = new Jar(address);
			Response page = counted(http.get(base + "/join", jar), "GET /join", refused, requests);
			jar.keep(page);
			String csrf = first(CSRF, page.body()).orElseThrow();
			Response joined = counted(http.post(base + "/join", jar, form(Map.of("_csrf", csrf, "code", code))), "POST /join",
					refused, requests);
			jar.keep(joined);
			if (joined.status() != 302) {
				return false;
			}
			if (counted(http.get(base + "/learn/" + module + "?step=1", jar), "lesson", refused, requests).status() != 200) {
				return false;
			}
			Response quiz = counted(http.get(base + "/learn/" + module + "/quiz", jar), "quiz", refused, requests);
			jar.keep(quiz);
			if (quiz.status() != 200) {
				return false;
			}
			String token = first(CSRF, quiz.body()).orElseThrow();
			Response result = counted(http.post(base + "/learn/" + module + "/quiz", jar, "_csrf=" + encode(token)
					+ "&submissionId=" + java.util.UUID.randomUUID() + "&" + Seed.answers(quiz.body(), random)),
					"POST quiz", refused, requests);
			return result.status() == 200;
		}

		private static Response counted(Response response, String what, Map<String, AtomicInteger> refused,
				AtomicInteger requests) {
			requests.incrementAndGet();
			if (response.status() == 429) {
				refused.computeIfAbsent(what, (key) -> new AtomicInteger()).incrementAndGet();
			}
			return response;
		}

	}

	/** GET /join for the CSRF token, POST /join with the code; the learner cookie comes back. */
	static Jar join(Http http, String base, String code, String address) throws Exception {
		Jar jar = new Jar(address);
		Response page = http.get(base + "/join", jar);
		jar.keep(page);
		String csrf = first(CSRF, page.body()).orElseThrow(() -> new IllegalStateException("no CSRF on /join"));
		Response joined = http.post(base + "/join", jar, form(Map.of("_csrf", csrf, "code", code)));
		jar.keep(joined);
		if (joined.status() != 302 || jar.get(LEARNER_COOKIE).isEmpty()) {
			throw new IllegalStateException("join answered " + joined.status());
		}
		return jar;
	}

	static void waitAll(List<Future<?>> work) throws Exception {
		for (Future<?> future : work) {
			future.get();
		}
	}

	static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

	/**
	 * The 9:00 burst, open loop: learner i starts at i x (window / learners) whatever happened to the
	 * others, so a slow server cannot slow the arrivals down (no coordinated omission). Each learner,
	 * from an address of its own: GET /join, POST /join with the class code, GET /learn (where the
	 * join redirects), GET the first lesson linked there, on one kept-alive connection of its own
	 * ({@link Browser}), and after each page the assets it links that this learner has not fetched
	 * yet (stylesheets, script and icon; the fonts the stylesheets declare only with
	 * BENCH_BURST_FONTS=all), as a browser with a cold cache does, one after the other on the same
	 * connection. The headline is per learner:
	 * from the scheduled arrival until the first lesson and its assets have arrived. A fixed pool of
	 * platform threads (Java 17: no virtual threads) runs them.
	 */
	static final class Burst {

		static final Pattern LINK_TAG = Pattern.compile("<link\\b[^>]*>");

		static final Pattern SCRIPT_SRC = Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"");

		static final Pattern CSS_URL = Pattern.compile("url\\(\\s*[\"']?([^\"')]+)[\"']?\\s*\\)");

		static void run(String base, Path classesFile, Path out) throws Exception {
			int learners = env("BENCH_BURST_LEARNERS", 6000);
			int windowSeconds = env("BENCH_BURST_SECONDS", 60);
			int threads = env("BENCH_BURST_THREADS", 256);
			int runNumber = env("BENCH_RUN_NUMBER", 1);
			// none (default): what Chromium fetches on a first visit in every band's default theme,
			// whose text uses no web font (ChildsFirstVisitDownloadsIT); all: every font the
			// stylesheets declare, more than a browser fetches even with easier-to-read letters on
			boolean fonts = "all".equals(env("BENCH_BURST_FONTS", "none"));
			List<String> codes = new ArrayList<>();
			for (String line : Files.readAllLines(classesFile)) {
				String[] columns = line.split("\t");
				if (columns.length >= 4 && columns[3].equals("burst")) {
					codes.add(columns[2]);
				}
			}
			if (codes.isEmpty()) {
				throw new IllegalStateException("no burst classes in " + classesFile);
			}
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			// BENCH_BURST_CLIENT=httpclient: the JDK's HttpClient, as in runs before 2026-11-23 20:00
			boolean jdkClient = "httpclient".equals(System.getenv("BENCH_BURST_CLIENT"));
			Http http = new Http(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newFixedThreadPool(4))
				.connectTimeout(Duration.ofSeconds(10))
				.build());
			long[] requestNanos = new long[learners * 32];
			// the same times per step: which of the four pages is slow; the assets apart
			long[][] stepNanos = new long[4][learners];
			for (long[] step : stepNanos) {
				Arrays.fill(step, -1);
			}
			long[] assetNanos = new long[learners * 28];
			AtomicInteger assetCount = new AtomicInteger();
			long[] flowNanos = new long[learners];
			AtomicInteger requestCount = new AtomicInteger();
			AtomicInteger errors = new AtomicInteger();
			AtomicInteger refused = new AtomicInteger();
			AtomicInteger served = new AtomicInteger();
			AtomicLong lastDone = new AtomicLong();
			ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
			java.util.Set<String> assetsSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
			// the load generator shares the cores with the app: its own CPU time is reported beside
			long cpuBefore = processCpuNanos();
			double gapNanos = windowSeconds * 1e9 / learners;
			long start = System.nanoTime() + 200_000_000L;
			List<Future<?>> work = new ArrayList<>(learners);
			for (int i = 0; i < learners; i++) {
				long due = start + (long) (i * gapNanos);
				String code = codes.get(i % codes.size());
				String address = address(BURST_ADDRESSES + (runNumber - 1) * learners + i);
				int index = i;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				work.add(pool.submit(() -> {
					Client client = null;
					try {
						client = jdkClient ? http.relativeTo(base, address) : new Browser(base, address);
						Jar jar = new Jar(address);
						java.util.Set<String> cache = new java.util.HashSet<>();
						Recorder recorder = new Recorder(requestNanos, requestCount, refused);
						Response page = recorder.page(client.get("/join", null));
						stepNanos[0][index] = page.nanos();
						jar.keep(page);
						fetchAssets(client, jar, page.body(), cache, fonts, recorder, assetNanos, assetCount, assetsSeen);
						String csrf = first(CSRF, page.body()).orElseThrow();
						Response joined = recorder.page(client.post("/join", jar.header(), form(Map.of("_csrf", csrf, "code", code))));
						jar.keep(joined);
						stepNanos[1][index] = joined.nanos();
						if (joined.status() != 302 || jar.get(LEARNER_COOKIE).isEmpty()) {
							throw new IllegalStateException("join answered " + joined.status());
						}
						Response learn = recorder.page(client.get("/learn", jar.header()));
						stepNanos[2][index] = learn.nanos();
						if (learn.status() != 200) {
							throw new IllegalStateException("/learn answered " + learn.status());
						}
						fetchAssets(client, jar, learn.body(), cache, fonts, recorder, assetNanos, assetCount, assetsSeen);
						String module = first(LESSON_LINK, learn.body())
							.orElseThrow(() -> new IllegalStateException("no lesson link on /learn"));
						Response lesson = recorder.page(client.get("/learn/" + module, jar.header()));
						stepNanos[3][index] = lesson.nanos();
						if (lesson.status() != 200) {
							throw new IllegalStateException("lesson answered " + lesson.status());
						}
						fetchAssets(client, jar, lesson.body(), cache, fonts, recorder, assetNanos, assetCount, assetsSeen);
						long now = System.nanoTime();
						flowNanos[index] = now - due;
						lastDone.accumulateAndGet(now, Math::max);
						served.incrementAndGet();
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						flowNanos[index] = -1;
						if (problems.size() < 5) {
							problems.add(ex.toString());
						}
					}
					finally {
						if (client instanceof Browser browser) {
							browser.close();
						}
					}
					return null;
				}));
			}
			waitAll(work);
			pool.shutdown();
			int count = requestCount.get();
			long[] requests = Arrays.copyOf(requestNanos, Math.min(count, requestNanos.length));
			Arrays.sort(requests);
			long[] flows = Arrays.stream(flowNanos).filter((n) -> n >= 0).sorted().toArray();
			long[] assets = Arrays.copyOf(assetNanos, Math.min(assetCount.get(), assetNanos.length));
			Arrays.sort(assets);
			double elapsed = (lastDone.get() - start) / 1e9;
			// the BENCH line's latencies are per learner (arrival to first lesson with its assets);
			// its request rate and count are every request, pages and assets
			String summary = String.format(
					"BENCH\tburst\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d%n",
					count / Math.max(elapsed, 1e-9), percentile(flows, 50), percentile(flows, 95),
					percentile(flows, 99), errors.get(), count, served.get(), refused.get());
			String detail = String.format("learners: %d scheduled over %d s, %d served, %d failed; last lesson at %.1f s; "
					+ "each from its own address%n"
					+ "per learner, from the scheduled arrival to the first lesson and its assets: p50 %.2f ms, p95 %.2f ms, "
					+ "p99 %.2f ms, max %.2f ms%n"
					+ "per request (4 pages and the assets, %s): %d requests, %.1f/s, p50 %.2f ms, p90 %.2f ms, "
					+ "p99 %.2f ms, max %.2f ms; refused by a limit (429): %d%n",
					learners, windowSeconds, served.get(), errors.get(), elapsed, percentile(flows, 50),
					percentile(flows, 95), percentile(flows, 99), percentile(flows, 100),
					fonts ? "fonts included" : "no fonts", count, count / Math.max(elapsed, 1e-9),
					percentile(requests, 50), percentile(requests, 90), percentile(requests, 99),
					percentile(requests, 100), refused.get());
			StringBuilder text = new StringBuilder(detail);
			double generatorCpu = (processCpuNanos() - cpuBefore) / 1e9;
			text.append(String.format("load generator (this client, on the same cores): %.1f CPU s, %.2f CPU ms per request%n",
					generatorCpu, generatorCpu * 1000 / Math.max(count, 1)));
			String[] steps = { "GET /join", "POST /join", "GET /learn", "GET /learn/{module}" };
			for (int step = 0; step < steps.length; step++) {
				long[] times = Arrays.stream(stepNanos[step]).filter((n) -> n >= 0).sorted().toArray();
				text.append(String.format("  %s: %d answered, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", steps[step],
						times.length, percentile(times, 50), percentile(times, 99), percentile(times, 100)));
			}
			text.append(String.format("  assets (%s): %d answered, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
					String.join(" ", new java.util.TreeSet<>(assetsSeen)), assets.length, percentile(assets, 50),
					percentile(assets, 99), percentile(assets, 100)));
			problems.forEach((problem) -> text.append("error: ").append(problem).append('\n'));
			text.append(summary);
			Files.writeString(out, text.toString());
			System.out.print(text);
		}

		/** Counts every answer of one learner into the run's request times, and the refusals. */
		record Recorder(long[] nanos, AtomicInteger count, AtomicInteger refused) {

			Response page(Response response) {
				int slot = this.count.getAndIncrement();
				if (slot < this.nanos.length) {
					this.nanos[slot] = response.nanos();
				}
				if (response.status() == 429) {
					this.refused.incrementAndGet();
				}
				return response;
			}

		}

		/** What a page links that a browser fetches before the page is complete: stylesheets, icon, scripts. */
		static List<String> pageAssets(String html) {
			List<String> assets = new ArrayList<>();
			Matcher links = LINK_TAG.matcher(html);
			while (links.find()) {
				Map<String, String> link = attributes(links.group());
				String rel = link.getOrDefault("rel", "");
				if (link.containsKey("href") && (rel.contains("stylesheet") || rel.contains("icon") || rel.contains("preload"))) {
					assets.add(link.get("href"));
				}
			}
			Matcher scripts = SCRIPT_SRC.matcher(html);
			while (scripts.find()) {
				assets.add(scripts.group(1));
			}
			return assets;
		}

		/** The fonts a stylesheet declares ({@code url(...)} of a font file), as paths on the site. */
		static List<String> fontsOf(String cssPath, String css) {
			List<String> fonts = new ArrayList<>();
			Matcher urls = CSS_URL.matcher(css);
			while (urls.find()) {
				String url = urls.group(1).trim();
				String bare = url.replaceAll("[?#].*$", "").toLowerCase(java.util.Locale.ROOT);
				if (!url.startsWith("data:") && bare.matches(".*\\.(woff2?|ttf|otf)$")) {
					URI resolved = URI.create("http://site" + cssPath).resolve(url);
					fonts.add(resolved.getRawPath() + ((resolved.getRawQuery() == null) ? "" : "?" + resolved.getRawQuery()));
				}
			}
			return fonts;
		}

		/** Fetches the page's assets this learner has not fetched yet; a stylesheet's fonts after it. */
		static void fetchAssets(Client client, Jar jar, String html, java.util.Set<String> cache, boolean fonts,
				Recorder recorder, long[] assetNanos, AtomicInteger assetCount, java.util.Set<String> seen)
				throws IOException, InterruptedException {
			for (String asset : pageAssets(html)) {
				if (!asset.startsWith("/") || asset.startsWith("//") || !cache.add(asset)) {
					continue;
				}
				Response response = fetchAsset(client, jar, asset, recorder, assetNanos, assetCount, seen);
				String path = asset.replaceAll("[?#].*$", "");
				if (fonts && path.endsWith(".css")) {
					for (String font : fontsOf(path, response.body())) {
						if (cache.add(font)) {
							fetchAsset(client, jar, font, recorder, assetNanos, assetCount, seen);
						}
					}
				}
			}
		}

		private static Response fetchAsset(Client client, Jar jar, String path, Recorder recorder, long[] assetNanos,
				AtomicInteger assetCount, java.util.Set<String> seen) throws IOException, InterruptedException {
			Response response = recorder.page(client.get(path, jar.header()));
			int slot = assetCount.getAndIncrement();
			if (slot < assetNanos.length) {
				assetNanos[slot] = response.nanos();
			}
			if (response.status() != 200) {
				throw new IllegalStateException("asset " + path + " answered " + response.status());
			}
			seen.add(path.replaceAll("^.*/", ""));
			return response;
		}

		static long processCpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		/** Nearest-rank percentile in milliseconds. */
		static double percentile(long[] sorted, double percent) {
			if (sorted.length == 0) {
				return 0;
			}
			int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
		}

	}

}
