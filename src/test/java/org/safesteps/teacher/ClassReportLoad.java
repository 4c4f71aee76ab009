package org.safesteps.teacher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * The class report under load at the target's size, on the file backend: classes of 35 learners by
 * 12 assigned modules, one teacher owning them all, and wrk with 8 connections (8 teachers at once)
 * opening {@code /teacher/classes/{id}} for a different class on each request, with the benchmark's
 * own wrk script ({@code src/bench/report.lua}). Prints the benchmark's BENCH line and the app's CPU
 * milliseconds per page (this JVM's CPU time during the measured run: the app is all that runs in
 * it then; wrk is another process). A main method, not a test. Needs {@code wrk} on the path. Run
 * from the project folder with
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=org.safesteps.teacher.ClassReportLoad -Dexec.classpathScope=test}
 * (optional arguments: classes, measured run, warm-up; default 100, 30s, 20s; a measured run of 0
 * times the report alone without wrk, see {@link #summaries}; the database timeout is
 * 30 s, {@code -DstorageTimeout} to change it).
 */
public final class ClassReportLoad {

	private static final int CLASS_SIZE = 35;

	private static final int MODULES = 12;

	private ClassReportLoad() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		int classes = (args.length > 0) ? Integer.parseInt(args[0]) : 100;
		String duration = (args.length > 1) ? args[1] : "30s";
		String warmUp = (args.length > 2) ? args[2] : "20s";
		Path work = Files.createTempDirectory("safesteps-report-load");
		Path content = work.resolve("content");
		for (Map.Entry<String, String> file : CurriculumLoadBenchmark.generate().entrySet()) {
			Path path = content.resolve(file.getKey());
			Files.createDirectories(path.getParent());
			Files.writeString(path, file.getValue());
		}
		ConfigurableApplicationContext app = new SpringApplicationBuilder(SafeStepsApplication.class)
			// arguments, not default properties: the test configuration on the class path sets the memory backend
			.run("--server.port=0", "--safesteps.storage.embedded-backend=file",
					"--safesteps.storage.data-dir=" + work.resolve("data"), "--safesteps.content.dir=" + content,
					"--logging.level.org.safesteps=WARN", "--logging.level.org.springframework=WARN",
					"--logging.level.org.apache=WARN",
					// the seeding's thousands of synced writes must not give up on a busy machine
					"--safesteps.storage.timeout=" + System.getProperty("storageTimeout", "30s"));
		try {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Account teacher = app.getBean(AccountStore.class)
				.create("load@bench.example", "Load Teacher", Teachers.PASSWORD, false);
			List<String> ids = seed(app, teacher, classes);
			Browserless browser = Teachers.signIn(port, teacher);
			HttpResponse<String> first = browser.get("/teacher/classes/" + ids.get(0));
			if (first.statusCode() != 200 || !first.body().contains("What to revisit")) {
				throw new IllegalStateException("the class page does not show the report");
			}
			Path tsv = work.resolve("classes.tsv");
			Files.writeString(tsv, ids.stream().map((id) -> id + "\t\t\tseed\n").collect(Collectors.joining()));
			String cookie = browser.cookies()
				.entrySet()
				.stream()
				.map((c) -> c.getKey() + "=" + c.getValue())
				.collect(Collectors.joining("; "));
			System.out.printf(Locale.ROOT, "%d classes of %d x %d, class page %,d characters%n", ids.size(),
					CLASS_SIZE, MODULES, first.body().length());
			if ("0".equals(duration)) {
				summaries(app, ids, moduleIds());
				return;
			}
			wrk(port, tsv, cookie, warmUp);
			double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			long cpuBefore = cpuNanos();
			long javaBefore = javaThreadsCpuNanos();
			String line = wrk(port, tsv, cookie, duration);
			long cpu = cpuNanos() - cpuBefore;
			long java = javaThreadsCpuNanos() - javaBefore;
			String[] fields = line.split("\t");
			long answered = Long.parseLong(fields[7]);
			System.out.println("BENCH\tname\trequests/s\tp50\tp95\tp99\terrors\trequests\tgood");
			System.out.println(line);
			System.out.printf(Locale.ROOT, "app CPU ms per page: %.2f (%d pages, load average %.1f at the start)%n",
					cpu / 1e6 / answered, answered, load);
			System.out.printf(Locale.ROOT,
					"Java threads' CPU ms per page (requests and the embedded database, without the JIT and GC): %.2f%n",
					java / 1e6 / answered);
		}
		finally {
			app.close();
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	/**
	 * Without HTTP, wrk or the page: {@code ClassReports.summary} for each class in turn, one call at
	 * a time, 200 calls to warm up and 200 measured, with the CPU time of this JVM's Java threads
	 * (this one and the embedded server's) per call. On a machine too busy for wrk's figures to mean
	 * anything this still compares two builds: CPU time is what the report costs, whatever waited.
	 */
	private static void summaries(ConfigurableApplicationContext app, List<String> ids, List<String> moduleIds) {
		org.safesteps.progress.ClassReports reports = app.getBean(org.safesteps.progress.ClassReports.class);
		for (int i = 0; i < 200; i++) {
			reports.summary(ids.get(i % ids.size()), moduleIds);
		}
		long before = javaThreadsCpuNanos();
		long start = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			reports.summary(ids.get(i % ids.size()), moduleIds);
		}
		System.out.printf(Locale.ROOT,
				"ClassReports.summary, %d classes of 35 x 12: %.2f CPU ms per call (Java threads), %.2f ms wall, load average %.1f%n",
				ids.size(), (javaThreadsCpuNanos() - before) / 1e6 / 200, (System.nanoTime() - start) / 1e6 / 200,
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static List<String> moduleIds() {
		List<String> moduleIds = new ArrayList<>();
		for (int m = 1; m <= MODULES; m++) {
			moduleIds.add("module-" + m);
		}
		return moduleIds;
	}

	/** Classes of 35 x 12 owned by the teacher, with progress and attempts as in {@link ReportBenchmark}. */
	private static List<String> seed(ConfigurableApplicationContext app, Account teacher, int classes) {
		ClassStore store = app.getBean(ClassStore.class);
		AssignmentStore assignments = app.getBean(AssignmentStore.class);
		MongoTemplate mongo = app.getBean(MongoTemplate.class);
		Random random = new Random(42);
		List<String> moduleIds = moduleIds();
		List<String> ids = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			SchoolClass schoolClass = store.create("Load class " + c, Band.AGES_11_13, teacher.id());
			for (int m = 0; m < MODULES; m++) {
				assignments.assign(schoolClass.id(), moduleIds.get(m), null, m + 1);
			}
			ReportBenchmark.seedLearners(mongo, random, schoolClass.id(), CLASS_SIZE, moduleIds);
			ids.add(schoolClass.id());
		}
		return ids;
	}

	/** One wrk run with the benchmark's report script; its BENCH line. */
	private static String wrk(int port, Path classes, String cookie, String duration)
			throws IOException, InterruptedException {
		ProcessBuilder wrk = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + duration, "--timeout", "5s", "--latency",
				"-s", Path.of("src/bench/report.lua").toAbsolutePath().toString(), "http://127.0.0.1:" + port)
			.redirectErrorStream(true);
		wrk.environment()
			.putAll(Map.of("BENCH_LUA", Path.of("src/bench").toAbsolutePath().toString(), "BENCH_CLASSES",
					classes.toString(), "BENCH_TEACHER_COOKIE", cookie, "BENCH_THREADS", "2", "BENCH_NAME", "report"));
		Process process = wrk.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + output);
		}
		return output.lines()
			.filter((l) -> l.startsWith("BENCH"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no BENCH line: " + output));
	}

	/**
	 * CPU time of every live Java thread (request threads, the embedded server's, this one idle):
	 * on a busy machine the JIT and the garbage collector, which are not Java threads, take a
	 * varying share of the process's time, this part varies less.
	 */
	private static long javaThreadsCpuNanos() {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long sum = 0;
		for (long id : threads.getAllThreadIds()) {
			sum += Math.max(0, threads.getThreadCpuTime(id));
		}
		return sum;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
