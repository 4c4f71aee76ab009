package org.safesteps.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.safesteps.SafeStepsApplication;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.learner.Learner;
import org.safesteps.progress.Attempt;
import org.safesteps.progress.Owner;
import org.safesteps.progress.QuizSubmissions;
import org.safesteps.quiz.Grader;
import org.safesteps.quiz.QuizResult;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The database work of one quiz submission, without HTTP, security or a template: the learner read
 * by token hash, then {@link QuizSubmissions#submit} (grading, the attempt insert, the progress
 * upsert), through the app's MongoDB driver and the in-process embedded server over TCP, as in the
 * app. 32 threads, as many as the app's request threads ({@code server.tomcat.threads.max}), each
 * submitting for its own learner among 6,000 (200 classes x 30). With every core busy, submissions
 * per second here bound what the whole request can reach on the same cores: {@code 1000 x cores /
 * throughput} is the CPU milliseconds this part costs alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = { "-Xmx512m" })
@Threads(32)
public class SubmissionStorageBenchmark {

	private static final String MODULE = "trusted-adults";

	private static final int CLASSES = 200;

	private static final int LEARNERS_PER_CLASS = 30;

	/** {@code file} (H2, the app's default) or {@code memory} (the tests' backend). */
	@Param({ "file", "memory" })
	public String backend;

	private Path dataDir;

	private ConfigurableApplicationContext context;

	private MongoTemplate mongo;

	private QuizSubmissions submissions;

	private Module module;

	private Quiz quiz;

	private String version;

	private Map<String, List<String>> answers;

	private final List<String> tokenHashes = new ArrayList<>();

	private final AtomicInteger nextClient = new AtomicInteger();

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.dataDir = Files.createTempDirectory("safesteps-bench-");
		// arguments, not default properties: the test classpath's application.properties would win over those
		this.context = new SpringApplicationBuilder(SafeStepsApplication.class).run("--server.port=0",
				"--logging.level.root=WARN", "--safesteps.storage.embedded-backend=" + this.backend,
				"--safesteps.storage.data-dir=" + this.dataDir, "--safesteps.admin.email=bench-admin@example.org",
				"--safesteps.admin.password=bench-" + UUID.randomUUID());
		this.mongo = this.context.getBean(MongoTemplate.class);
		this.submissions = this.context.getBean(QuizSubmissions.class);
		Curriculum curriculum = this.context.getBean(Curriculum.class);
		this.version = curriculum.version();
		this.module = curriculum.module(MODULE).orElseThrow();
		this.quiz = this.module.quiz(Band.AGES_8_10).orElseThrow();
		this.answers = new LinkedHashMap<>();
		this.quiz.questions().forEach((question) -> {
			List<String> ids = question.options().stream().map((option) -> option.id()).toList();
			this.answers.put(question.id(), (question.type() == QuestionType.ORDER) ? ids : List.of(ids.get(0)));
		});
		List<Document> learners = new ArrayList<>();
		Date now = new Date();
		for (int c = 0; c < CLASSES; c++) {
			for (int l = 0; l < LEARNERS_PER_CLASS; l++) {
				String tokenHash = UUID.randomUUID().toString() + UUID.randomUUID();
				this.tokenHashes.add(tokenHash);
				learners.add(new Document("_id", UUID.randomUUID().toString()).append("classId", "class-" + c)
					.append("pseudonym", "Learner " + l)
					.append("band", Band.AGES_8_10.name())
					.append("tokenHash", tokenHash)
					.append("createdAt", now)
					.append("lastSeenAt", now));
			}
		}
		// in batches: one insert of all 6,000 outlasts the app's one-second database timeout
		for (int from = 0; from < learners.size(); from += 500) {
			this.mongo.getCollection("learners").insertMany(learners.subList(from, Math.min(from + 500, learners.size())));
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.context.close();
		try (Stream<Path> files = Files.walk(this.dataDir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/** One client of the 32: a learner of its own, spread over the classes. */
	@State(Scope.Thread)
	public static class Client {

		String tokenHash;

		@Setup(Level.Trial)
		public void pick(SubmissionStorageBenchmark bench) {
			int n = bench.nextClient.getAndIncrement();
			this.tokenHash = bench.tokenHashes.get((n * LEARNERS_PER_CLASS + n / CLASSES) % bench.tokenHashes.size());
		}

	}

	/** The learner read, grading, the attempt insert and the progress upsert of one new submission. */
	@Benchmark
	public QuizResult submit(Client client) {
		Learner learner = this.mongo.findOne(query(where("tokenHash").is(client.tokenHash)), Learner.class);
		if (learner == null) {
			throw new IllegalStateException("learner not found");
		}
		Owner owner = new Owner(learner.id(), learner.classId(), learner.band());
		return this.submissions.submit(owner, this.module, this.quiz, this.version, UUID.randomUUID().toString(),
				this.answers);
	}

	/**
	 * The least any recorded submission needs: one attempt document inserted (as graded, with its
	 * answers), with no learner read and no progress update.
	 */
	@Benchmark
	public Attempt attemptInsert(Client client) {
		QuizResult result = Grader.grade(this.quiz, this.answers);
		List<Attempt.Answer> answers = result.questions()
			.stream()
			.map((q) -> new Attempt.Answer(q.question().id(), q.chosenIds(), q.correct()))
			.toList();
		return this.mongo.insert(new Attempt(null, UUID.randomUUID().toString(), client.tokenHash, "class-0", MODULE,
				Band.AGES_8_10.name(), this.version, answers, result.score(), result.correctCount(),
				result.questionCount(), Instant.now()));
	}

	/** For comparison: the learner read alone, the one database call every learner page makes. */
	@Benchmark
	public Learner learnerRead(Client client) {
		return this.mongo.findOne(query(where("tokenHash").is(client.tokenHash)), Learner.class);
	}

}
