package org.safesteps.session;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import org.safesteps.SafeStepsApplication;
import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances in one JVM against one database, as behind the load balancer: a browser's
 * requests go to either instance, and everything works the same.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

	static final String PASSWORD = "long enough teacher passphrase";

	static final String MODULE = "trusted-adults";

	static MongoServer database;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	static int portA;

	static int portB;

	@BeforeAll
	static void startOneDatabaseAndTwoInstances() {
		database = new MongoServer(new MemoryBackend());
		InetSocketAddress address = database.bind();
		String uri = "mongodb://127.0.0.1:" + address.getPort() + "/safesteps";
		a = instance(uri);
		b = instance(uri);
		portA = port(a);
		portB = port(b);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		database.shutdownNow();
	}

	private static ConfigurableApplicationContext instance(String uri) {
		return new SpringApplicationBuilder(SafeStepsApplication.class).web(WebApplicationType.SERVLET)
			.run("--MONGODB_URI=" + uri, "--server.port=0", "--spring.jmx.enabled=false",
					"--safesteps.retention.learner-idle=1h",
					// the test triggers the job itself, both instances at once: their own first runs wait
					"--safesteps.retention.first-run-after=1h");
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	@Order(1)
	void twoInstancesRunningTheRetentionJobAtOnceDeleteEachStaleLearnerOnceAndRunOncePerPeriod() throws Exception {
		MongoTemplate mongo = a.getBean(MongoTemplate.class);
		assertThat(mongo.getCollection("leases").countDocuments(new Document("_id", "retention")))
			.as("no scheduled run yet").isZero();
		String classId = "retention-" + UUID.randomUUID();
		for (int i = 0; i < 30; i++) {
			learner(mongo, classId, Instant.now().minus(Duration.ofHours(2)));
		}
		learner(mongo, classId, Instant.now());

		atOnce(retention(a), retention(b));

		assertThat(mongo.getCollection("learners").countDocuments(new Document("classId", classId))).isEqualTo(1);
		Document lease = mongo.getCollection("leases").find(new Document("_id", "retention")).first();
		assertThat(lease.getInteger("runs")).isEqualTo(1);

		learner(mongo, classId, Instant.now().minus(Duration.ofHours(2)));
		atOnce(retention(b), retention(a));
		assertThat(mongo.getCollection("learners").countDocuments(new Document("classId", classId)))
			.as("not again in the same period").isEqualTo(2);
		assertThat(mongo.getCollection("leases").find(new Document("_id", "retention")).first().getInteger("runs"))
			.isEqualTo(1);
	}

	@Test
	@Order(2)
	void aTeacherSignedInOnOneInstanceWorksOnBothInTurn() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Ada", PASSWORD, false);
		Browser browser = new Browser();
		signIn(browser, portA, teacher);

		HttpResponse<String> home = browser.get(portB, "/teacher");
		assertThat(home.statusCode()).isEqualTo(200);
		HttpResponse<String> made = browser.post(portA, "/teacher/classes", home.body(),
				Map.of("name", "Year 4 owls", "band", "AGES_8_10"));
		assertThat(made.statusCode()).isEqualTo(302);
		String classPath = path(made.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> page = browser.get(portB, classPath);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Year 4 owls");

		HttpResponse<String> assigned = browser.post(portA, classPath + "/assignments", page.body(),
				Map.of("moduleId", MODULE, "dueOn", ""));
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(browser.get(portB, classPath).body()).as("the flash message made on A shows on B")
			.contains("Module assigned.");
		HttpResponse<String> report = browser.get(portA, classPath + "/report.csv");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(browser.get(portB, "/teacher").body()).contains("Year 4 owls");
	}

	@Test
	@Order(3)
	void aLearnersProgressMadeOnOneInstanceShowsOnTheOtherAndNoSessionIsCreatedForThem() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Bo", PASSWORD, false);
		SchoolClass schoolClass = b.getBean(ClassStore.class).create("Year 4 foxes", Band.AGES_8_10, teacher.id());
		b.getBean(AssignmentStore.class).assign(schoolClass.id(), MODULE, null, 0);
		long sessionsBefore = sessions();

		Browser child = new Browser();
		HttpResponse<String> form = child.get(portA, "/join");
		HttpResponse<String> joined = child.post(portA, "/join", form.body(), Map.of("code", schoolClass.joinCode()));
		assertThat(joined.statusCode()).isEqualTo(302);
		HttpResponse<String> quiz = child.get(portB, "/learn/" + MODULE + "/quiz");
		HttpResponse<String> result = child.post(portA, "/learn/" + MODULE + "/quiz", quiz.body(),
				rightAnswers(quiz.body()));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(child.get(portB, "/learn").body()).contains("Finished, best score 100%");

		assertThat(child.setCookies).as("a child gets no session cookie")
			.noneMatch((cookie) -> cookie.startsWith("safesteps_session="));
		assertThat(sessions()).as("nothing stored for a child").isEqualTo(sessionsBefore);

		Browser teacherBrowser = new Browser();
		signIn(teacherBrowser, portB, teacher);
		assertThat(teacherBrowser.get(portA, "/teacher/classes/" + schoolClass.id() + "/report.csv").body())
			.contains("100");
	}

	@Test
	@Order(4)
	void formsWithoutTheirCsrfTokenAreRefusedOnBothInstances() {
		Browser child = new Browser();
		child.get(portA, "/join");
		assertThat(child.postRaw(portA, "/join", Map.of("code", "ABCD")).statusCode()).isEqualTo(403);
		assertThat(child.postRaw(portB, "/join", Map.of("code", "ABCD")).statusCode()).isEqualTo(403);
		Browser stranger = new Browser();
		assertThat(stranger.postRaw(portB, "/login", Map.of("username", "x@school.example", "password", "y"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	@Order(5)
	void aDisabledAccountIsRefusedOnBothInstances() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Cy", PASSWORD, false);
		Browser onA = new Browser();
		signIn(onA, portA, teacher);
		Browser onB = new Browser();
		signIn(onB, portB, teacher);
		assertThat(onA.get(portB, "/teacher").statusCode()).isEqualTo(200);

		b.getBean(AccountStore.class).setStatus(teacher.id(), Account.Status.DISABLED);

		assertThat(onA.get(portB, "/teacher").statusCode()).isEqualTo(302);
		assertThat(onB.get(portA, "/teacher").statusCode()).isEqualTo(302);
		Browser again = new Browser();
		HttpResponse<String> login = again.get(portA, "/login");
		HttpResponse<String> refused = again.post(portA, "/login", login.body(),
				Map.of("username", teacher.email(), "password", PASSWORD));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
	}

	@Test
	@Order(6)
	void signingOutOnOneInstanceEndsTheSessionOnTheOtherAndSigningInChangesTheSessionId() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Di", PASSWORD, false);
		Browser browser = new Browser();
		signIn(browser, portA, teacher);
		String first = browser.cookies.get("safesteps_session");
		signIn(browser, portB, teacher);
		String second = browser.cookies.get("safesteps_session");
		assertThat(second).as("a new session id at each sign-in").isNotEqualTo(first);
		assertThat(browser.get(portA, "/teacher").statusCode()).isEqualTo(200);
		assertThat(sessionStored(first)).isFalse();
		assertThat(sessionStored(second)).isTrue();
		assertThat(a.getBean(MongoTemplate.class).getCollection("sessions")
			.countDocuments(new Document("_id", second))).as("only a hash of the id is stored").isZero();

		Map<String, String> copied = new LinkedHashMap<>(browser.cookies);
		HttpResponse<String> out = browser.post(portB, "/logout", browser.get(portB, "/teacher").body(), Map.of());
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
		assertThat(sessionStored(second)).isFalse();

		Browser replay = new Browser();
		replay.cookies.putAll(copied);
		assertThat(replay.get(portA, "/teacher").statusCode()).as("the old cookie no longer signs in on A")
			.isEqualTo(302);
	}

	private static void signIn(Browser browser, int port, Account teacher) {
		HttpResponse<String> login = browser.get(port, "/login");
		HttpResponse<String> done = browser.post(port, "/login", login.body(),
				Map.of("username", teacher.email(), "password", PASSWORD));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
	}

	/** The retention job as the instance's scheduler runs it (its public trigger, not the method). */
	private static Runnable retention(ConfigurableApplicationContext instance) {
		return instance.getBean(ScheduledTaskHolder.class)
			.getScheduledTasks()
			.stream()
			// a scheduled method's task is named after it (the runnable may be wrapped to track outcomes)
			.filter((scheduled) -> scheduled.toString().endsWith(".RetentionJob.deleteIdleLearners"))
			.map((scheduled) -> scheduled.getTask().getRunnable())
			.findFirst()
			.orElseThrow();
	}

	/** Runs both instances' jobs at the same moment and waits for both. */
	private static void atOnce(Runnable first, Runnable second) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (Runnable job : List.of(first, second)) {
				runs.add(pool.submit(() -> {
					go.await();
					job.run();
					return null;
				}));
			}
			go.countDown();
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void learner(MongoTemplate mongo, String classId, Instant lastSeen) {
		mongo.getCollection("learners")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("classId", classId)
				.append("pseudonym", "Learner " + UUID.randomUUID())
				.append("band", "AGES_8_10")
				.append("tokenHash", UUID.randomUUID().toString())
				.append("createdAt", Date.from(lastSeen))
				.append("lastSeenAt", Date.from(lastSeen)));
	}

	private static long sessions() {
		return a.getBean(MongoTemplate.class).getCollection("sessions").countDocuments();
	}

	private static boolean sessionStored(String id) {
		return a.getBean(MongoTemplate.class)
			.getCollection("sessions")
			.countDocuments(new Document("_id", MongoSessionRepository.hash(id))) > 0;
	}

	private static List<Map.Entry<String, String>> rightAnswers(String page) {
		Quiz quiz = a.getBean(Curriculum.class).module(MODULE).orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		Matcher key = Pattern.compile("name=\"order\" value=\"([^\"]+)\"").matcher(page);
		assertThat(key.find()).isTrue();
		DisplayOrder order = DisplayOrder.fromKey(key.group(1)).orElseThrow();
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (Question question : quiz.questions()) {
			List<Option> shown = order.of(question);
			String field = "q-" + question.id();
			for (int i = 0; i < shown.size(); i++) {
				if (question.type() == QuestionType.ORDER) {
					fields.add(Map.entry(field + "-" + i, Integer.toString(question.options().indexOf(shown.get(i)) + 1)));
				}
				else if (shown.get(i).correct()) {
					fields.add(Map.entry(field, Integer.toString(i)));
				}
			}
		}
		Matcher id = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"").matcher(page);
		assertThat(id.find()).isTrue();
		fields.add(Map.entry("submissionId", id.group(1)));
		return fields;
	}

	private static String email() {
		return "teacher-" + UUID.randomUUID() + "@school.example";
	}

	private static String path(String location) {
		return location.replaceFirst("^https?://[^/]+", "");
	}

	/** A browser without JavaScript on localhost: its cookies go to every port, as a real browser's do. */
	static final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final HttpClient client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		final Map<String, String> cookies = new LinkedHashMap<>();

		final List<String> setCookies = new ArrayList<>();

		HttpResponse<String> get(int port, String path) {
			return send(request(port, path).GET());
		}

		HttpResponse<String> post(int port, String path, String page, Map<String, String> fields) {
			List<Map.Entry<String, String>> all = new ArrayList<>(fields.entrySet());
			return post(port, path, page, all);
		}

		HttpResponse<String> post(int port, String path, String page, List<Map.Entry<String, String>> fields) {
			List<Map.Entry<String, String>> all = new ArrayList<>(fields);
			Matcher csrf = CSRF.matcher(page);
			if (csrf.find()) {
				all.add(Map.entry("_csrf", csrf.group(1)));
			}
			return postFields(port, path, all);
		}

		HttpResponse<String> postRaw(int port, String path, Map<String, String> fields) {
			return postFields(port, path, new ArrayList<>(fields.entrySet()));
		}

		private HttpResponse<String> postFields(int port, String path, List<Map.Entry<String, String>> fields) {
			String body = fields.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(port, path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(int port, String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(20));
			if (!this.cookies.isEmpty()) {
				request.header("Cookie", this.cookies.entrySet()
					.stream()
					.map((e) -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")));
			}
			return request;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
				for (String header : response.headers().allValues("Set-Cookie")) {
					this.setCookies.add(header);
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
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
