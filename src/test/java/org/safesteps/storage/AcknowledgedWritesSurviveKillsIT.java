package org.safesteps.storage;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safesteps.content.Band;
import org.safesteps.content.ContentSource;
import org.safesteps.content.CurriculumLoader;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.quiz.DisplayOrder;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jepsen's method on one machine: the packaged app runs as its own process on a file data folder;
 * children submit quizzes and teachers create classes and assign modules from several threads; the
 * process is killed with SIGKILL at a random moment, started again on the same folder, and every
 * write whose page said it was saved must be there exactly once. Writes that were in flight when
 * the process died may be there or not (counted, allowed). Several kills per run.
 * <p>
 * {@code -Dsafesteps.jar=path} runs it against another build; the figures of each run are appended
 * to {@code target/crash-figures.txt} (docs/data.md has them before and after durable writes).
 */
// the second longest starts at once, beside AccessibilityIT: last in the order, because failsafe's
// second thread takes the classes from the back of the list (pom.xml)
@Order(Integer.MAX_VALUE)
class AcknowledgedWritesSurviveKillsIT {

	private static final int KILLS = 3;

	private static final int CHILDREN = 6;

	private static final int TEACHERS = 2;

	private static final String MODULE = "trusted-adults";

	private static final Pattern SUBMISSION = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");

	private static final Pattern CLASS_PAGE = Pattern.compile("/teacher/classes/([^/?#]+)$");

	@TempDir
	Path dataDir;

	private final Quiz quiz = new CurriculumLoader().load(ContentSource.directory(Path.of("content")), java.time.LocalDate.now()).orThrow()
		.module(MODULE)
		.orElseThrow()
		.quiz(Band.AGES_8_10)
		.orElseThrow();

	private final ConcurrentLinkedQueue<Write> acknowledged = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Write> unacknowledged = new ConcurrentLinkedQueue<>();

	/** Unacknowledged writes found after the last restart: allowed, counted for the figures. */
	private long foundUnacknowledged;

	@Test
	void everyAcknowledgedWriteIsThereExactlyOnceAfterEachKill() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Path jar = AppProcess.jar();
		Path logs = Files.createDirectories(Path.of("target", "crash-it"));
		List<String> problems = new ArrayList<>();
		AppProcess app = AppProcess.start(jar, this.dataDir, logs.resolve("app-0.log"), List.of());
		for (int kill = 1; kill <= KILLS; kill++) {
			AtomicBoolean running = new AtomicBoolean(true);
			List<Thread> clients = new ArrayList<>();
			for (int i = 0; i < CHILDREN; i++) {
				clients.add(start(child(app.port(), running)));
			}
			for (int i = 0; i < TEACHERS; i++) {
				clients.add(start(teacher(app.port(), running)));
			}
			// once writes flow (a cold app on a busy machine takes seconds for its first pages), a
			// random moment: with H2's own once-a-second commit, the last second's writes were in memory
			int before = this.acknowledged.size();
			long flowing = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
			while (this.acknowledged.size() < before + 5 && System.nanoTime() < flowing) {
				Thread.sleep(50);
			}
			Thread.sleep(500 + random.nextInt(3_000));
			app.kill();
			running.set(false);
			for (Thread client : clients) {
				client.join(60_000);
			}
			app = AppProcess.start(jar, this.dataDir, logs.resolve("app-" + kill + ".log"), List.of());
			problems.addAll(check(app));
		}
		app.stop();
		String figures = String.format("%s jar=%s seed=%d kills=%d acknowledged=%d lost-or-duplicated=%d "
				+ "unacknowledged=%d of-which-found=%d%n", java.time.Instant.now(), jar.getFileName(), seed, KILLS,
				this.acknowledged.size(), problems.size(), this.unacknowledged.size(), this.foundUnacknowledged);
		Files.writeString(Path.of("target", "crash-figures.txt"), figures, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
		System.out.print(figures);
		// each round waited for 5 acknowledged writes before its kill: writes flowed in every round
		assertThat(this.acknowledged).as("acknowledged writes").hasSizeGreaterThanOrEqualTo(KILLS * 5);
		assertThat(problems).as("acknowledged writes lost or duplicated after a SIGKILL").isEmpty();
	}

	/** Every acknowledged write so far, in the restarted app's database: exactly once each. */
	private List<String> check(AppProcess app) {
		List<String> problems = new ArrayList<>();
		try (MongoClient client = MongoClients.create(app.databaseUri())) {
			MongoDatabase db = client.getDatabase("safesteps");
			for (Write write : this.acknowledged) {
				long count = db.getCollection(write.collection()).countDocuments(write.filter());
				if (count != 1) {
					problems.add(write + " found " + count + " times");
				}
				else if (write.collection().equals("attempts")) {
					// the submission's second write: the child's progress records the quiz as taken
					Document attempt = db.getCollection("attempts").find(write.filter()).first();
					Document progress = db.getCollection("progress")
						.find(new Document("learnerId", attempt.get("learnerId")).append("moduleId", MODULE))
						.first();
					if (progress == null || progress.get("completedAt") == null) {
						problems.add(write + " has no completed progress");
					}
				}
			}
			long found = 0;
			for (Write write : this.unacknowledged) {
				long count = db.getCollection(write.collection()).countDocuments(write.filter());
				if (count > 1) {
					problems.add(write + " (unacknowledged) found " + count + " times");
				}
				found += Math.min(count, 1);
			}
			this.foundUnacknowledged = found;
		}
		return problems;
	}

	private static Thread start(Runnable client) {
		Thread thread = new Thread(client, "crash-client");
		thread.start();
		return thread;
	}

	private Runnable child(int port, AtomicBoolean running) {
		return () -> {
			Browserless browser = null;
			while (running.get()) {
				Write inFlight = null;
				try {
					if (browser == null) {
						browser = new Browserless(port);
						HttpResponse<String> explore = browser.get("/explore/" + Band.AGES_8_10.id());
						browser.post("/explore/" + Band.AGES_8_10.id(), explore.body(), Map.of("module", MODULE));
					}
					HttpResponse<String> form = browser.get("/learn/" + MODULE + "/quiz");
					Matcher id = SUBMISSION.matcher(form.body());
					if (form.statusCode() != 200 || !id.find()) {
						browser = null;
						continue;
					}
					inFlight = Write.quiz(id.group(1));
					Map<String, String> fields = answers();
					fields.put("submissionId", inFlight.key());
					fields.put("band", Band.AGES_8_10.id());
					HttpResponse<String> result = browser.post("/learn/" + MODULE + "/quiz", form.body(), fields);
					record(inFlight, result.statusCode() == 200 && !result.body().contains("name=\"submissionId\""));
				}
				catch (RuntimeException connectionLost) {
					if (inFlight != null) {
						record(inFlight, false);
					}
					return;
				}
			}
		};
	}

	private Runnable teacher(int port, AtomicBoolean running) {
		return () -> {
			Browserless browser = null;
			while (running.get()) {
				Write inFlight = null;
				try {
					if (browser == null) {
						browser = new Browserless(port);
						HttpResponse<String> login = browser.get("/login");
						browser.post("/login", login.body(),
								Map.of("username", AppProcess.ADMIN_EMAIL, "password", AppProcess.ADMIN_PASSWORD));
					}
					HttpResponse<String> classes = browser.get("/teacher");
					if (classes.statusCode() != 200) {
						browser = null;
						continue;
					}
					inFlight = Write.schoolClass("crash " + UUID.randomUUID());
					HttpResponse<String> created = browser.post("/teacher/classes", classes.body(),
							Map.of("name", inFlight.key(), "band", Band.AGES_8_10.name(), "language", "en"));
					Matcher classId = CLASS_PAGE.matcher(created.headers().firstValue("Location").orElse(""));
					boolean saved = created.statusCode() == 302 && classId.find();
					record(inFlight, saved);
					if (!saved) {
						continue;
					}
					HttpResponse<String> page = browser.get("/teacher/classes/" + classId.group(1));
					inFlight = Write.assignment(classId.group(1));
					HttpResponse<String> assigned = browser.post("/teacher/classes/" + classId.group(1) + "/assignments",
							page.body(), Map.of("moduleId", MODULE));
					record(inFlight, assigned.statusCode() == 302);
				}
				catch (RuntimeException connectionLost) {
					if (inFlight != null) {
						record(inFlight, false);
					}
					return;
				}
			}
		};
	}

	private void record(Write write, boolean saved) {
		(saved ? this.acknowledged : this.unacknowledged).add(write);
	}

	/** One answer for every question (right or wrong does not matter here), as the form sends it. */
	private Map<String, String> answers() {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Question question : this.quiz.questions()) {
			List<Option> shown = DisplayOrder.AUTHORED.of(question);
			String field = "q-" + question.id();
			if (question.type() == QuestionType.ORDER) {
				for (int i = 0; i < shown.size(); i++) {
					fields.put(field + "-" + i, Integer.toString(i + 1));
				}
			}
			else {
				fields.put(field, "0");
			}
		}
		return fields;
	}

	/** A write the test made: the collection and filter that find it. */
	private record Write(String collection, String key, Document filter) {

		static Write quiz(String submissionId) {
			return new Write("attempts", submissionId, new Document("submissionId", submissionId));
		}

		static Write schoolClass(String name) {
			return new Write("classes", name, new Document("name", name));
		}

		static Write assignment(String classId) {
			return new Write("assignments", classId, new Document("classId", classId).append("moduleId", MODULE));
		}

	}

}
