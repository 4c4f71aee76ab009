package org.safesteps.teacher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.SafeStepsApplication;
import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.CurriculumLoadBenchmark;
import org.safesteps.support.Browserless;

/**
 * Times the teachers' report pages over HTTP against the whole app: the class page with its report
 * for a class of 35 learners by 12 assigned modules, and the admins' school overview over 2,000
 * learners, with the whole school in the (embedded, in-memory) database both times. A main method,
 * not a test, so a busy machine never fails the build. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.safesteps.teacher.ReportBenchmark -Dexec.classpathScope=test}
 * (optional arguments: class-page requests, school requests).
 */
public final class ReportBenchmark {

	private static final int CLASS_SIZE = 35;

	private static final int MODULES = 12;

	private static final int SCHOOL_LEARNERS = 2000;

	private static final int QUESTIONS = 8;

	private static final String PASSWORD = Teachers.PASSWORD;

	private static final long WARM_UP_NANOS = Long.getLong("warmUpSeconds", 90) * 1_000_000_000L;

	private ReportBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int classRequests = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		int schoolRequests = (args.length > 1) ? Integer.parseInt(args[1]) : 100;
		Path content = Files.createTempDirectory("safesteps-report-bench");
		for (Map.Entry<String, String> file : CurriculumLoadBenchmark.generate().entrySet()) {
			Path path = content.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SafeStepsApplication.class)
			.properties("server.port=0", "safesteps.storage.embedded-backend=memory",
					"safesteps.content.dir=" + content, "logging.level.org.safesteps=WARN",
					"logging.level.org.springframework=WARN", "logging.level.org.apache=WARN")
			.run();
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Seeded seeded = seed(app);
			System.out.printf(Locale.ROOT, "Seeded %d classes, %d learners, %d progress, %d attempts%n",
					seeded.classes(), seeded.learners(), count(app, "progress"), count(app, "attempts"));

			Browserless teacher = signIn(port, seeded.teacher());
			String classPage = "/teacher/classes/" + seeded.benchmarkClass().id();
			String first = teacher.get(classPage).body();
			if (!first.contains("What to revisit") || countOf(first, "/learner?pseudonym=") != CLASS_SIZE) {
				throw new IllegalStateException("the class page does not show the full report");
			}
			System.out.printf(Locale.ROOT, "class page: %,d characters%n", first.length());
			double loadBefore = load();
			double[] classTimes = time(teacher, classPage, Math.max(100, classRequests / 5), classRequests);
			Browserless admin = signIn(port, seeded.admin());
			String school = admin.get("/admin/school").body();
			if (!school.contains("School overview") || !school.contains(seeded.benchmarkClass().name())) {
				throw new IllegalStateException("the school overview does not show the school");
			}
			double[] schoolTimes = time(admin, "/admin/school", Math.max(20, schoolRequests / 5), schoolRequests);
			double loadAfter = load();

			System.out.println();
			System.out.println("| page | requests | p50 ms | p95 ms | p99 ms | max ms | target |");
			System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
			row("class report (35 x 12)", classTimes, "p95 < 50 ms");
			row("school overview (" + seeded.learners() + " learners)", schoolTimes, "< 300 ms");
			System.out.printf(Locale.ROOT, "%n%d cores, Java %s, load average %.1f before and %.1f after%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore,
					loadAfter);
		}
		finally {
			app.close();
			try (Stream<Path> files = Files.walk(content)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/**
	 * Sequential requests, one at a time: the time one teacher waits for the page. The warm-up runs
	 * for at least {@link #WARM_UP_NANOS}: the JIT needs tens of seconds to compile a page's code
	 * fully, and a school's server has long been warm when a teacher opens the report.
	 */
	private static double[] time(Browserless browser, String path, int minWarmUps, int requests) {
		long warmUntil = System.nanoTime() + WARM_UP_NANOS;
		int warmUps = 0;
		while (warmUps < minWarmUps || System.nanoTime() < warmUntil) {
			ok(browser.get(path));
			warmUps++;
		}
		double[] millis = new double[requests];
		System.out.printf(Locale.ROOT, "%s: %d warm-ups done, measuring %d requests%n", path, warmUps, requests);
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = browser.get(path);
			millis[i] = (System.nanoTime() - start) / 1_000_000.0;
			ok(response);
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " for " + response.uri());
		}
	}

	private static void row(String page, double[] sorted, String target) {
		System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", page, sorted.length,
				percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1], target);
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static Browserless signIn(int port, Account account) {
		Browserless browser = new Browserless(port);
		HttpResponse<String> login = browser.get("/login");
		HttpResponse<String> done = browser.post("/login", login.body(),
				Map.of("username", account.email(), "password", PASSWORD));
		if (done.statusCode() != 302 || !done.headers().firstValue("Location").orElse("").endsWith("/teacher")) {
			throw new IllegalStateException("sign-in failed");
		}
		return browser;
	}

	private static long count(ConfigurableApplicationContext app, String collection) {
		return app.getBean(MongoTemplate.class).getCollection(collection).countDocuments();
	}

	private static int countOf(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/**
	 * The benchmark class (35 learners, modules 1-12 assigned) and the rest of the school in classes
	 * of 35 with 6 to 12 modules each, up to 2,000 learners; 20 teachers. Each learner has completed
	 * (with one or two quiz attempts), started or not started each assigned module.
	 */
	private static Seeded seed(ConfigurableApplicationContext app) {
		AccountStore accounts = app.getBean(AccountStore.class);
		ClassStore classes = app.getBean(ClassStore.class);
		AssignmentStore assignments = app.getBean(AssignmentStore.class);
		MongoTemplate mongo = app.getBean(MongoTemplate.class);
		Random random = new Random(42);
		Account admin = accounts.create("head@bench.example", "Head Teacher", PASSWORD, true);
		List<Account> teachers = new ArrayList<>();
		for (int t = 1; t <= 20; t++) {
			teachers.add(accounts.create("teacher-" + t + "@bench.example", "Teacher " + t, PASSWORD, false));
		}
		SchoolClass benchmark = null;
		int learners = 0;
		int classCount = 0;
		while (learners < SCHOOL_LEARNERS) {
			int size = Math.min(CLASS_SIZE, SCHOOL_LEARNERS - learners);
			Account owner = teachers.get(classCount % teachers.size());
			SchoolClass schoolClass = classes.create((classCount == 0) ? "Benchmark class" : "Class " + classCount,
					Band.AGES_11_13, owner.id());
			int modules = (classCount == 0) ? MODULES : 6 + random.nextInt(MODULES - 5);
			List<String> moduleIds = new ArrayList<>();
			for (int m = 1; m <= modules; m++) {
				moduleIds.add("module-" + m);
				assignments.assign(schoolClass.id(), "module-" + m, null, m);
			}
			seedLearners(mongo, random, schoolClass.id(), size, moduleIds);
			if (classCount == 0) {
				benchmark = schoolClass;
			}
			learners += size;
			classCount++;
		}
		return new Seeded(admin, teachers.get(0), benchmark, classCount, learners);
	}

	static void seedLearners(MongoTemplate mongo, Random random, String classId, int size,
			List<String> moduleIds) {
		List<Document> learners = new ArrayList<>();
		List<Document> progress = new ArrayList<>();
		List<Document> attempts = new ArrayList<>();
		Date now = Date.from(Instant.now());
		for (int l = 0; l < size; l++) {
			String learnerId = UUID.randomUUID().toString();
			learners.add(new Document("_id", learnerId).append("classId", classId)
				.append("pseudonym", "Learner " + (l + 1))
				.append("band", Band.AGES_11_13.name())
				.append("tokenHash", UUID.randomUUID().toString())
				.append("resumeHash", null)
				.append("createdAt", now)
				.append("lastSeenAt", now));
			for (String moduleId : moduleIds) {
				int state = random.nextInt(100);
				if (state < 15) {
					continue;
				}
				boolean completed = state >= 40;
				Integer best = null;
				int tries = completed ? 1 + random.nextInt(2) : 0;
				for (int a = 0; a < tries; a++) {
					List<Document> answers = new ArrayList<>();
					int correct = 0;
					for (int q = 1; q <= QUESTIONS; q++) {
						boolean right = random.nextInt(100) < 70;
						correct += right ? 1 : 0;
						answers.add(answer(q, right));
					}
					int score = Math.round(100f * correct / QUESTIONS);
					best = (best == null) ? score : Math.max(best, score);
					attempts.add(new Document("_id", UUID.randomUUID().toString())
						.append("submissionId", UUID.randomUUID().toString())
						.append("learnerId", learnerId)
						.append("classId", classId)
						.append("moduleId", moduleId)
						.append("band", Band.AGES_11_13.name())
						.append("contentVersion", "bench")
						.append("answers", answers)
						.append("score", score)
						.append("correctCount", correct)
						.append("questionCount", QUESTIONS)
						.append("createdAt", Date.from(now.toInstant().plusSeconds(a * 60L))));
				}
				progress.add(new Document("_id", UUID.randomUUID().toString()).append("learnerId", learnerId)
					.append("classId", classId)
					.append("moduleId", moduleId)
					.append("band", Band.AGES_11_13.name())
					.append("stepReached", completed ? 5 : random.nextInt(5))
					.append("stepsTotal", 6)
					.append("startedAt", now)
					.append("completedAt", completed ? now : null)
					.append("bestScore", best)
					.append("attempts", tries)
					.append("updatedAt", now));
			}
		}
		mongo.getCollection("learners").insertMany(learners);
		mongo.getCollection("progress").insertMany(progress);
		if (!attempts.isEmpty()) {
			mongo.getCollection("attempts").insertMany(attempts);
		}
	}

	/** An answer to question {@code q} of a generated quiz (CurriculumLoadBenchmark), right or wrong. */
	private static Document answer(int q, boolean right) {
		List<String> chosen = switch (q % 4) {
			case 0 -> List.of(right ? "false" : "true");
			case 1 -> List.of(right ? "teacher" : "game-friend");
			case 2 -> right ? List.of("gifts", "secret") : List.of("gifts", "homework");
			default -> List.of(right ? "tell" : "keep-secret");
		};
		return new Document("questionId", "q" + q).append("chosen", chosen).append("correct", right);
	}

	private record Seeded(Account admin, Account teacher, SchoolClass benchmarkClass, int classes, int learners) {
	}

}
