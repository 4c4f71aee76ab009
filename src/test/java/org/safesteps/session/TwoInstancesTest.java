package org.safesteps.session;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.safesteps.classroom.ClassDeletion;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Quiz;
import org.safesteps.support.Browserless;
import org.safesteps.support.QuizForms;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances in one JVM against one database, as behind the load balancer: a browser's
 * requests go to either instance, and everything works the same.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

	static final String PASSWORD = "long enough teacher passphrase";

	static final String MODULE = "trusted-adults";

	/**
	 * Far beyond the one-second read of the forgotten learners' log, for a slow shared machine (the
	 * test ends as soon as it holds), and far below the ten minutes each instance keeps a learner:
	 * only the log can make the other instance forget them in time.
	 */
	static final Duration FORGOTTEN_WITHIN = Duration.ofSeconds(30);

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
		Browserless browser = new Browserless(portA);
		signIn(browser, portA, teacher);

		HttpResponse<String> home = browser.at(portB).get("/teacher");
		assertThat(home.statusCode()).isEqualTo(200);
		HttpResponse<String> made = browser.at(portA).post("/teacher/classes", home.body(),
				Map.of("name", "Year 4 owls", "band", "AGES_8_10"));
		assertThat(made.statusCode()).isEqualTo(302);
		String classPath = path(made.headers().firstValue("Location").orElseThrow());
		HttpResponse<String> page = browser.at(portB).get(classPath);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Year 4 owls");

		HttpResponse<String> assigned = browser.at(portA).post(classPath + "/assignments", page.body(),
				Map.of("moduleId", MODULE, "dueOn", ""));
		assertThat(assigned.statusCode()).isEqualTo(302);
		assertThat(browser.at(portB).get(classPath).body()).as("the flash message made on A shows on B")
			.contains("Module assigned.");
		HttpResponse<String> report = browser.at(portA).get(classPath + "/report.csv");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(browser.at(portB).get("/teacher").body()).contains("Year 4 owls");
	}

	@Test
	@Order(3)
	void aLearnersProgressMadeOnOneInstanceShowsOnTheOtherAndNoSessionIsCreatedForThem() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Bo", PASSWORD, false);
		SchoolClass schoolClass = b.getBean(ClassStore.class).create("Year 4 foxes", Band.AGES_8_10, teacher.id());
		b.getBean(AssignmentStore.class).assign(schoolClass.id(), MODULE, null, 0);
		long sessionsBefore = sessions();

		Browserless child = new Browserless(portA);
		HttpResponse<String> form = child.at(portA).get("/join");
		HttpResponse<String> joined = child.at(portA).post("/join", form.body(), Map.of("code", schoolClass.joinCode()));
		assertThat(joined.statusCode()).isEqualTo(302);
		HttpResponse<String> quiz = child.at(portB).get("/learn/" + MODULE + "/quiz");
		HttpResponse<String> result = child.at(portA).post("/learn/" + MODULE + "/quiz", quiz.body(),
				rightAnswers(quiz.body()));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(child.at(portB).get("/learn").body()).contains("Finished, best score 100%");

		assertThat(child.setCookies()).as("a child gets no session cookie")
			.noneMatch((cookie) -> cookie.startsWith("safesteps_session="));
		assertThat(sessions()).as("nothing stored for a child").isEqualTo(sessionsBefore);

		Browserless teacherBrowser = new Browserless(portA);
		signIn(teacherBrowser, portB, teacher);
		assertThat(teacherBrowser.at(portA).get("/teacher/classes/" + schoolClass.id() + "/report.csv").body())
			.contains("100");
	}

	@Test
	@Order(4)
	void formsWithoutTheirCsrfTokenAreRefusedOnBothInstances() {
		Browserless child = new Browserless(portA);
		child.at(portA).get("/join");
		assertThat(child.at(portA).postRaw("/join", Map.of("code", "ABCD")).statusCode()).isEqualTo(403);
		assertThat(child.at(portB).postRaw("/join", Map.of("code", "ABCD")).statusCode()).isEqualTo(403);
		Browserless stranger = new Browserless(portA);
		assertThat(stranger.at(portB).postRaw("/login", Map.of("username", "x@school.example", "password", "y"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	@Order(5)
	void aDisabledAccountIsRefusedOnBothInstances() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Cy", PASSWORD, false);
		Browserless onA = new Browserless(portA);
		signIn(onA, portA, teacher);
		Browserless onB = new Browserless(portA);
		signIn(onB, portB, teacher);
		assertThat(onA.at(portB).get("/teacher").statusCode()).isEqualTo(200);

		b.getBean(AccountStore.class).setStatus(teacher.id(), Account.Status.DISABLED);

		assertThat(onA.at(portB).get("/teacher").statusCode()).isEqualTo(302);
		assertThat(onB.at(portA).get("/teacher").statusCode()).isEqualTo(302);
		Browserless again = new Browserless(portA);
		HttpResponse<String> login = again.at(portA).get("/login");
		HttpResponse<String> refused = again.at(portA).post("/login", login.body(),
				Map.of("username", teacher.email(), "password", PASSWORD));
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
	}

	@Test
	@Order(6)
	void signingOutOnOneInstanceEndsTheSessionOnTheOtherAndSigningInChangesTheSessionId() {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Di", PASSWORD, false);
		Browserless browser = new Browserless(portA);
		signIn(browser, portA, teacher);
		String first = browser.cookie("safesteps_session");
		signIn(browser, portB, teacher);
		String second = browser.cookie("safesteps_session");
		assertThat(second).as("a new session id at each sign-in").isNotEqualTo(first);
		assertThat(browser.at(portA).get("/teacher").statusCode()).isEqualTo(200);
		assertThat(sessionStored(first)).isFalse();
		assertThat(sessionStored(second)).isTrue();
		assertThat(a.getBean(MongoTemplate.class).getCollection("sessions")
			.countDocuments(new Document("_id", second))).as("only a hash of the id is stored").isZero();

		Map<String, String> copied = browser.cookies();
		HttpResponse<String> out = browser.at(portB).post("/logout", browser.at(portB).get("/teacher").body(), Map.of());
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
		assertThat(sessionStored(second)).isFalse();

		Browserless replay = new Browserless(portA);
		copied.forEach(replay::cookie);
		assertThat(replay.at(portA).get("/teacher").statusCode()).as("the old cookie no longer signs in on A")
			.isEqualTo(302);
	}

	/**
	 * Each instance keeps the learner behind a cookie for ten minutes ({@code
	 * safesteps.learner-lookup.keep-for}): the instance that forgets a learner drops its copy at once
	 * and notes them in the {@code forgotten_learners} log; the other drops its copy when it next reads
	 * the log (each second), and stores nothing for them meanwhile (steps already reached need no
	 * write; a new one asks the database first, and so does a quiz submission).
	 */
	@Test
	@Order(7)
	void aLearnerForgottenOnOneInstanceIsRefusedThereAtOnceAndOnTheOtherWithinSeconds() throws Exception {
		Account teacher = a.getBean(AccountStore.class).create(email(), "Ed", PASSWORD, false);
		SchoolClass schoolClass = a.getBean(ClassStore.class).create("Year 5 hares", Band.AGES_8_10, teacher.id());
		Browserless child = new Browserless(portA).join(schoolClass.joinCode());
		String token = child.cookie("safesteps_learner");
		String step = "/learn/" + MODULE + "?step=2";
		assertThat(child.at(portA).get(step).statusCode()).isEqualTo(200);
		assertThat(child.at(portB).get(step).statusCode()).as("B keeps the learner now").isEqualTo(200);

		HttpResponse<String> quiz = child.at(portB).get("/learn/" + MODULE + "/quiz");
		String me = child.at(portA).get("/me").body();
		assertThat(child.at(portA).post("/me/forget", me, Map.of()).statusCode()).isEqualTo(302);
		// the same cookie, as sent by another tab or device that still holds it
		child.cookie("safesteps_learner", token);

		assertThat(child.at(portA).get(step).statusCode()).as("the forgetting instance, at once").isEqualTo(302);
		// B may still keep the learner: a quiz submission reads them from the database before storing
		HttpResponse<String> sent = child.at(portB).post("/learn/" + MODULE + "/quiz", quiz.body(),
				rightAnswers(quiz.body()));
		assertThat(sent.statusCode()).as("a quiz sent to the other instance").isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/explore");
		assertThat(a.getBean(MongoTemplate.class).getCollection("attempts")
			.countDocuments(new Document("classId", schoolClass.id()))).as("no attempt stored for them").isZero();
		long start = System.nanoTime();
		int status = child.at(portB).get(step).statusCode();
		while (status == 200 && System.nanoTime() - start < FORGOTTEN_WITHIN.toNanos()) {
			Thread.sleep(100);
			status = child.at(portB).get(step).statusCode();
		}
		System.out.printf("Forgotten learner still recognised by the other instance for %d ms%n",
				Duration.ofNanos(System.nanoTime() - start).toMillis());
		assertThat(status).as("the other instance, once it reads the log").isEqualTo(302);
		assertThat(a.getBean(MongoTemplate.class).getCollection("progress")
			.countDocuments(new Document("classId", schoolClass.id()))).as("nothing stored for them meanwhile").isZero();
	}

	/** A teacher deleting the class on one instance: its learners stop being recognised on the other too. */
	@Test
	@Order(8)
	void theLearnersOfAClassDeletedOnOneInstanceAreRefusedOnTheOtherWithinSeconds() throws Exception {
		Account teacher = b.getBean(AccountStore.class).create(email(), "Flo", PASSWORD, false);
		SchoolClass schoolClass = b.getBean(ClassStore.class).create("Year 6 wrens", Band.AGES_8_10, teacher.id());
		Browserless child = new Browserless(portA).join(schoolClass.joinCode());
		String step = "/learn/" + MODULE + "?step=2";
		assertThat(child.at(portA).get(step).statusCode()).as("A keeps the learner now").isEqualTo(200);

		assertThat(b.getBean(ClassDeletion.class).delete(schoolClass.id(), teacher.id())).isTrue();

		long start = System.nanoTime();
		int status = child.at(portA).get(step).statusCode();
		while (status == 200 && System.nanoTime() - start < FORGOTTEN_WITHIN.toNanos()) {
			Thread.sleep(100);
			status = child.at(portA).get(step).statusCode();
		}
		System.out.printf("Learner of a deleted class still recognised by the other instance for %d ms%n",
				Duration.ofNanos(System.nanoTime() - start).toMillis());
		assertThat(status).isEqualTo(302);
	}

	private static void signIn(Browserless browser, int port, Account teacher) {
		HttpResponse<String> login = browser.at(port).get("/login");
		HttpResponse<String> done = browser.at(port).post("/login", login.body(),
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
		List<Map.Entry<String, String>> fields = new ArrayList<>(QuizForms.answers(quiz, page, true));
		fields.add(Map.entry("submissionId", QuizForms.submissionId(page)));
		return fields;
	}

	private static String email() {
		return "teacher-" + UUID.randomUUID() + "@school.example";
	}

	private static String path(String location) {
		return location.replaceFirst("^https?://[^/]+", "");
	}

}
