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
import org.bson.Document;

/**
 * The Java half of the load benchmark (src/bench/run.sh compiles and runs it): seeds the app through
 * its own HTTP pages, drives the "9:00 burst", and counts documents in the embedded database. Plain
 * JDK HttpClient so nothing beyond the app's own MongoDB driver jars is needed.
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
			System.err.println("usage: Bench seed|burst|count ...");
			System.exit(2);
		}
		// the HTTP client's pool threads are not daemons: leave by System.exit, also on failure
		try {
			switch (args[0]) {
				case "seed" -> Seed.run(args[1], Path.of(args[2]));
				case "burst" -> Burst.run(args[1], Path.of(args[2]), Path.of(args[3]));
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

	/** Documents in one collection of the embedded database (reached on its fixed loopback port). */
	static long count(int port, String collection) {
		try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=5000")) {
			return client.getDatabase("safesteps").getCollection(collection).countDocuments(new Document());
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

	/** A tiny cookie-aware client: cookies are kept by the caller, one jar per simulated browser. */
	static final class Http {

		final HttpClient client;

		Http(HttpClient client) {
			this.client = client;
		}

		Response get(String url, String cookie) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
			return send(request, cookie);
		}

		/** This client as a {@link Client} for paths under {@code base}. */
		Client relativeTo(String base) {
			return new Client() {

				@Override
				public Response get(String path, String cookie) throws IOException, InterruptedException {
					return Http.this.get(base + path, cookie);
				}

				@Override
				public Response post(String path, String cookie, String body) throws IOException, InterruptedException {
					return Http.this.post(base + path, cookie, body);
				}

			};
		}

		Response post(String url, String cookie, String body) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			return send(request, cookie);
		}

		private Response send(HttpRequest.Builder request, String cookie) throws IOException, InterruptedException {
			if (cookie != null && !cookie.isEmpty()) {
				request.header("Cookie", cookie);
			}
			long start = System.nanoTime();
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

	}

	/** The cookies of one simulated browser. */
	static final class Jar {

		final Map<String, String> cookies = new LinkedHashMap<>();

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

		private final java.net.Socket socket;

		private final java.io.InputStream in;

		private final java.io.OutputStream out;

		private final String host;

		Browser(String base) throws IOException {
			URI uri = URI.create(base);
			this.host = uri.getHost() + ":" + uri.getPort();
			this.socket = new java.net.Socket();
			this.socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
			this.socket.setSoTimeout(30_000);
			this.socket.setTcpNoDelay(true);
			this.in = new java.io.BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
			this.out = new java.io.BufferedOutputStream(this.socket.getOutputStream(), 4 * 1024);
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
			if (cookie != null && !cookie.isEmpty()) {
				request.append("Cookie: ").append(cookie).append("\r\n");
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

	/**
	 * Seeds through the app's pages: the admin signs in, creates classes (seeded ones and the ones
	 * the burst joins), assigns every module of the band, then learners join with the codes, read a
	 * few steps, open the quiz (its CSRF token and form are kept for the quiz scenario) and some
	 * submit it. Writes classes.tsv, learners.tsv, teacher.cookie and seed.status to the folder.
	 */
	static final class Seed {

		static void run(String base, Path out) throws Exception {
			Files.createDirectories(out);
			int classCount = env("BENCH_CLASSES", 200);
			int perClass = env("BENCH_LEARNERS_PER_CLASS", 30);
			int burstClasses = env("BENCH_BURST_CLASSES", 200);
			int parallel = env("BENCH_SEED_PARALLEL", 8);
			String quizModule = env("BENCH_QUIZ_MODULE", "trusted-adults");
			String lessonModule = env("BENCH_LESSON_MODULE", "trusted-adults");
			Http http = new Http(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(Executors.newFixedThreadPool(4))
				.build());
			long started = System.nanoTime();
			Jar teacher = signIn(http, base);
			// signing in replaces the CSRF cookie: the first page after it sets the new one
			Response probe = http.get(base + "/teacher", teacher.header());
			teacher.keep(probe);
			Files.writeString(out.resolve("teacher.cookie"), teacher.header());
			String csrf = first(CSRF, probe.body()).orElse("");
			Response created = http.post(base + "/teacher/classes", teacher.header(),
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
			String teacherCsrf = first(CSRF, http.get(base + "/teacher", teacher.header()).body()).orElseThrow();
			for (int i = 0; i < classCount + burstClasses; i++) {
				int index = i;
				work.add(pool.submit(() -> {
					classes.add(createClass(http, base, teacher, teacherCsrf, index,
							(index < classCount) ? "seed" : "burst"));
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
			int joinPage = http.get(base + "/join", null).status();
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
					work.add(pool.submit(() -> {
						lines.add(joinAndLearn(http, base, info, learner, lessonModule, quizModule, submitted));
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

		static Jar signIn(Http http, String base) throws Exception {
			Jar jar = new Jar();
			Response login = http.get(base + "/login", null);
			jar.keep(login);
			String csrf = first(CSRF, login.body()).orElseThrow(() -> new IllegalStateException("no CSRF token on /login"));
			Response posted = http.post(base + "/login", jar.header(), form(Map.of("_csrf", csrf, "username",
					env("SAFESTEPS_ADMIN_EMAIL", ""), "password", env("SAFESTEPS_ADMIN_PASSWORD", ""))));
			jar.keep(posted);
			if (posted.status() != 302 || posted.location() == null || posted.location().contains("error")) {
				throw new IllegalStateException("sign-in failed: " + posted.status() + " " + posted.location());
			}
			return jar;
		}

		record ClassInfo(int index, String id, String band, String code, String kind, List<String> modules) {
		}

		static ClassInfo createClass(Http http, String base, Jar teacher, String csrf, int index, String kind)
				throws Exception {
			String band = BANDS.get(index % BANDS.size());
			Response created = http.post(base + "/teacher/classes", teacher.header(),
					form(Map.of("_csrf", csrf, "name", "Bench " + kind + " " + index, "band", band)));
			String location = created.location();
			String id = location.substring(location.lastIndexOf('/') + 1);
			String page = http.get(base + "/teacher/classes/" + id, teacher.header()).body();
			String code = first(JOIN_CODE, page).orElseThrow().trim();
			List<String> modules = new ArrayList<>();
			first(MODULE_SELECT, page).ifPresent((options) -> {
				Matcher matcher = OPTION_VALUE.matcher(options);
				while (matcher.find()) {
					if (!matcher.group(1).isEmpty()) {
						modules.add(matcher.group(1));
					}
				}
			});
			for (String module : modules) {
				Response assigned = http.post(base + "/teacher/classes/" + id + "/assignments", teacher.header(),
						form(Map.of("_csrf", csrf, "moduleId", module, "confirmed", "true")));
				if (assigned.status() != 302) {
					throw new IllegalStateException("assigning " + module + " answered " + assigned.status());
				}
			}
			return new ClassInfo(index, id, band, code, kind, modules);
		}

		/** One learner joins and makes some progress; returns the learners.tsv line. */
		static String joinAndLearn(Http http, String base, ClassInfo info, int number, String lessonModule,
				String quizModule, AtomicInteger submitted) throws Exception {
			Jar jar = join(http, base, info.code);
			Random random = new Random(info.index * 1000L + number);
			// some progress: a few steps of the first modules, more for some learners than others
			int modulesRead = random.nextInt(Math.min(2, info.modules.size()) + 1);
			for (int m = 0; m < modulesRead; m++) {
				int steps = 1 + random.nextInt(2);
				for (int step = 1; step <= steps; step++) {
					http.get(base + "/learn/" + info.modules.get(m) + "?step=" + step, jar.header());
				}
			}
			Response lesson = http.get(base + "/learn/" + lessonModule + "?step=1", jar.header());
			if (lesson.status() != 200) {
				throw new IllegalStateException("lesson answered " + lesson.status());
			}
			Response quiz = http.get(base + "/learn/" + quizModule + "/quiz", jar.header());
			jar.keep(quiz);
			if (quiz.status() != 200) {
				throw new IllegalStateException("quiz answered " + quiz.status());
			}
			String csrf = first(CSRF, quiz.body()).orElseThrow(() -> new IllegalStateException("no CSRF on the quiz"));
			String answers = answers(quiz.body(), random);
			if (random.nextInt(3) > 0) {
				Response result = http.post(base + "/learn/" + quizModule + "/quiz", jar.header(),
						"_csrf=" + encode(csrf) + "&submissionId=" + java.util.UUID.randomUUID() + "&" + answers);
				if (result.status() == 200 && result.body().contains("result-score")) {
					submitted.incrementAndGet();
				}
			}
			// column 2: every cookie of this browser (learner, and session or CSRF cookie if the app sets
			// one), so the quiz scenario works whether the CSRF token lives in a session or a cookie
			return jar.get(LEARNER_COOKIE) + "\t" + jar.header() + "\t" + encode(csrf) + "\t" + quizModule
					+ "\t" + answers;
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

	/** GET /join for the CSRF token, POST /join with the code; the learner cookie comes back. */
	static Jar join(Http http, String base, String code) throws Exception {
		Jar jar = new Jar();
		Response page = http.get(base + "/join", null);
		jar.keep(page);
		String csrf = first(CSRF, page.body()).orElseThrow(() -> new IllegalStateException("no CSRF on /join"));
		Response joined = http.post(base + "/join", jar.header(), form(Map.of("_csrf", csrf, "code", code)));
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
	 * others, so a slow server cannot slow the arrivals down (no coordinated omission). Each learner:
	 * GET /join, POST /join with the class code, GET /learn (where the join redirects), GET the first
	 * lesson linked there, on one kept-alive connection of its own ({@link Browser}). A fixed pool of
	 * platform threads (Java 17: no virtual threads) runs them.
	 */
	static final class Burst {

		static void run(String base, Path classesFile, Path out) throws Exception {
			int learners = env("BENCH_BURST_LEARNERS", 6000);
			int windowSeconds = env("BENCH_BURST_SECONDS", 60);
			int threads = env("BENCH_BURST_THREADS", 256);
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
			long[] requestNanos = new long[learners * 4];
			// the same times per step: which of the four requests is slow
			long[][] stepNanos = new long[4][learners];
			for (long[] step : stepNanos) {
				Arrays.fill(step, -1);
			}
			long[] flowNanos = new long[learners];
			AtomicInteger requestCount = new AtomicInteger();
			AtomicInteger errors = new AtomicInteger();
			AtomicInteger served = new AtomicInteger();
			AtomicLong lastDone = new AtomicLong();
			ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
			// the load generator shares the cores with the app: its own CPU time is reported beside
			long cpuBefore = processCpuNanos();
			double gapNanos = windowSeconds * 1e9 / learners;
			long start = System.nanoTime() + 200_000_000L;
			List<Future<?>> work = new ArrayList<>(learners);
			for (int i = 0; i < learners; i++) {
				long due = start + (long) (i * gapNanos);
				String code = codes.get(i % codes.size());
				int index = i;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				work.add(pool.submit(() -> {
					Client client = null;
					try {
						client = jdkClient ? http.relativeTo(base) : new Browser(base);
						Jar jar = new Jar();
						Response page = record(client.get("/join", null), requestNanos, requestCount);
						stepNanos[0][index] = page.nanos();
						jar.keep(page);
						String csrf = first(CSRF, page.body()).orElseThrow();
						Response joined = record(client.post("/join", jar.header(),
								form(Map.of("_csrf", csrf, "code", code))), requestNanos, requestCount);
						jar.keep(joined);
						stepNanos[1][index] = joined.nanos();
						if (joined.status() != 302 || jar.get(LEARNER_COOKIE).isEmpty()) {
							throw new IllegalStateException("join answered " + joined.status());
						}
						Response learn = record(client.get("/learn", jar.header()), requestNanos, requestCount);
						stepNanos[2][index] = learn.nanos();
						if (learn.status() != 200) {
							throw new IllegalStateException("/learn answered " + learn.status());
						}
						String module = first(LESSON_LINK, learn.body())
							.orElseThrow(() -> new IllegalStateException("no lesson link on /learn"));
						Response lesson = record(client.get("/learn/" + module, jar.header()), requestNanos,
								requestCount);
						stepNanos[3][index] = lesson.nanos();
						if (lesson.status() != 200) {
							throw new IllegalStateException("lesson answered " + lesson.status());
						}
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
			double elapsed = (lastDone.get() - start) / 1e9;
			String summary = String.format(
					"BENCH\tburst\t%.1f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d%n",
					count / Math.max(elapsed, 1e-9), percentile(requests, 50), percentile(requests, 95),
					percentile(requests, 99), errors.get(), count, served.get());
			String detail = String.format("learners: %d scheduled over %d s, %d served, %d failed; last lesson at %.1f s%n"
					+ "per request (GET /join, POST /join, GET /learn, GET /learn/{module}): %d requests, %.1f/s, "
					+ "p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n"
					+ "whole join-to-first-lesson, from the scheduled arrival: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
					learners, windowSeconds, served.get(), errors.get(), elapsed, count, count / Math.max(elapsed, 1e-9),
					percentile(requests, 50), percentile(requests, 90), percentile(requests, 99),
					percentile(requests, 100), percentile(flows, 50), percentile(flows, 99), percentile(flows, 100));
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
			problems.forEach((problem) -> text.append("error: ").append(problem).append('\n'));
			text.append(summary);
			Files.writeString(out, text.toString());
			System.out.print(text);
		}

		static long processCpuNanos() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		static Response record(Response response, long[] nanos, AtomicInteger count) {
			int slot = count.getAndIncrement();
			if (slot < nanos.length) {
				nanos[slot] = response.nanos();
			}
			return response;
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
