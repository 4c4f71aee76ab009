package org.safesteps.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times a full load of a realistic curriculum: 40 modules, 4 bands each, lessons of 6 steps with
 * callouts, quizzes of 8 questions. A main method, not a test, so a slow machine never fails the build.
 * Run with {@code mvn -q test-compile exec:java -Dexec.mainClass=org.safesteps.content.CurriculumLoadBenchmark -Dexec.classpathScope=test}.
 */
public final class CurriculumLoadBenchmark {

	private static final int MODULES = 40;

	private static final int WARM_UPS = 3;

	private static final int RUNS = 5;

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final String[] COUNTRIES = { "GB", "US", "AU", "CA", "IE", "NZ", "DE", "FR", "NL", "INTL" };

	private CurriculumLoadBenchmark() {
	}

	public static void main(String[] args) {
		ContentSource source = ContentSource.of(generate(), "generated benchmark content");
		CurriculumLoader loader = new CurriculumLoader();
		LoadResult first = loader.load(source, TODAY);
		if (first.hasErrors()) {
			// A load with errors skips rendering, so its time would flatter the engine.
			first.errors().stream().limit(20).forEach(System.out::println);
			throw new IllegalStateException("generated content has errors");
		}
		Curriculum curriculum = first.curriculum();
		long steps = curriculum.modules().stream()
			.flatMap(module -> module.lessons().values().stream())
			.mapToLong(lesson -> lesson.steps().size())
			.sum();
		System.out.printf(Locale.ROOT, "%d files, %d modules, %d lessons, %d steps, %d warnings%n", source.paths().size(),
				curriculum.modules().size(), curriculum.modules().size() * Band.values().length, steps,
				first.warnings().size());
		for (int i = 0; i < WARM_UPS; i++) {
			loader.load(source, TODAY);
		}
		// CPU time of the loading thread as well as wall time: on a shared machine the wall time mostly
		// measures the other processes.
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double total = 0;
		double min = Double.MAX_VALUE;
		double totalCpu = 0;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			long startCpu = threads.getCurrentThreadCpuTime();
			LoadResult result = loader.load(source, TODAY);
			double millis = (System.nanoTime() - start) / 1_000_000.0;
			totalCpu += (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000.0;
			if (result.hasErrors()) {
				throw new IllegalStateException("generated content has errors");
			}
			total += millis;
			min = Math.min(min, millis);
		}
		System.out.printf(Locale.ROOT, "Curriculum load: mean %.0f ms, min %.0f ms (CPU mean %.0f ms) over %d runs"
				+ " after %d warm-ups (%d cores, Java %s, load average %.1f)%n", total / RUNS, min, totalCpu / RUNS, RUNS,
				WARM_UPS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** The generated content tree (path to text), also used by the report benchmark. */
	public static Map<String, String> generate() {
		Map<String, String> files = new TreeMap<>();
		files.put("lint.yml", resource("content/lint.yml"));
		files.put("help/services.yml", services());
		for (int m = 1; m <= MODULES; m++) {
			String id = "module-" + m;
			boolean sensitive = m % 5 == 0;
			files.put("modules/" + id + "/module.yml", moduleYml(id, m, sensitive));
			files.put("modules/" + id + "/teacher.md", teacherNotes(m));
			for (Band band : Band.values()) {
				files.put("modules/" + id + "/" + band.id() + ".md", lesson(m, band));
				files.put("modules/" + id + "/" + band.id() + ".quiz.yml", quiz(m));
			}
			files.put("guidance/guide-" + m + ".md", guide(id, m));
		}
		return files;
	}

	private static String moduleYml(String id, int order, boolean sensitive) {
		return """
				id: %s
				order: %d
				topic: friends
				title: Module number %d
				summary: What children learn in module %d, in one or two sentences.
				bands: [ages-5-7, ages-8-10, ages-11-13, ages-14-17]
				objectives:
				  - Name two warning signs.
				  - Say who they would tell.
				minutes: 40
				sensitive: %s
				guide: guide-%d
				""".formatted(id, order, order, order, sensitive, order);
	}

	private static String lesson(int module, Band band) {
		StringBuilder text = new StringBuilder("""
				---
				title: Lesson %d for %s
				summary: A short line for the module card.
				---
				""".formatted(module, band.label()));
		for (int step = 1; step <= 6; step++) {
			text.append("\n## Step ").append(step).append(" of the lesson {#step-").append(step).append("}\n\n");
			for (int paragraph = 0; paragraph < 3; paragraph++) {
				text.append("Sam and Maya play a game after school. A new player is kind to them and sends gifts.\n")
					.append("The player asks them to keep a secret. Maya feels an uh-oh feeling in her tummy.\n")
					.append("She tells her mum, and her mum helps her block and report the player.\n\n");
			}
			text.append("- Stop and think.\n- Tell a grown-up you trust.\n- Block and report.\n\n");
			switch (step) {
				case 1 -> text.append(":::scenario\nSam gets a message from someone they met in a game.\n:::\n");
				case 2 -> text.append(":::tip\nBlocking does not delete what you already saved. Read more at"
						+ " [a safety site](https://www.example.org/safety).\n:::\n");
				case 3 -> text.append(":::talk\nWhat could Sam say to a grown-up? See [the next lesson](/learn/module-"
						+ (module % MODULES + 1) + ").\n:::\n");
				case 6 -> text.append(":::help\nIf this is happening to you, it is not your fault and you are not in"
						+ " trouble. Tell an adult you trust, or contact one of these services.\n:::\n");
				default -> text.append("| Do | Don't |\n| --- | --- |\n| Tell someone | Keep it secret |\n");
			}
		}
		return text.toString();
	}

	private static String quiz(int module) {
		StringBuilder quiz = new StringBuilder("questions:\n");
		for (int q = 1; q <= 8; q++) {
			switch (q % 4) {
				case 0 -> quiz.append("""
						  - id: q%d
						    type: true-false
						    text: "If someone tricks you into sending a picture, it is your fault."
						    options:
						      - id: "true"
						        text: "True"
						        feedback: No. The person who tricked you is the one to blame.
						      - id: "false"
						        text: "False"
						        correct: true
						        feedback: Right. It is never your fault.
						""".formatted(q));
				case 1 -> quiz.append("""
						  - id: q%d
						    type: single
						    text: Who is a trusted adult in module %d?
						    options:
						      - id: teacher
						        text: A teacher at school
						        correct: true
						        feedback: Yes. Teachers are there to help keep you safe.
						      - id: game-friend
						        text: Someone you only know from a game
						        feedback: Someone you only know online is not a trusted adult, even if they are kind.
						      - id: nobody
						        text: Nobody
						        feedback: There is always someone who can help. Think of a grown-up you trust.
						""".formatted(q, module));
				case 2 -> quiz.append("""
						  - id: q%d
						    type: multiple
						    text: Which are warning signs?
						    options:
						      - id: gifts
						        text: They send lots of gifts
						        correct: true
						        feedback: Gifts can be a way to make you feel you owe them.
						      - id: secret
						        text: They ask you to keep a secret
						        correct: true
						        feedback: A safe friend does not ask for secrets.
						      - id: homework
						        text: They talk about homework
						        feedback: Talking about homework is not a warning sign on its own.
						""".formatted(q));
				default -> quiz.append("""
						  - id: q%d
						    type: scenario
						    story: Maya's new online friend asks her to keep their chats secret.
						    text: What should Maya do?
						    options:
						      - id: tell
						        text: Tell her mum
						        correct: true
						        outcome: Her mum helps her block the account and report it.
						        feedback: Telling a trusted adult is the safest choice.
						      - id: keep-secret
						        text: Keep the secret
						        outcome: The friend starts asking for more and more.
						        feedback: Secrets that make you feel worried are not OK to keep. Tell someone.
						""".formatted(q));
			}
		}
		return quiz.toString();
	}

	private static String teacherNotes(int module) {
		return """
				---
				summary: Teacher notes for module %d. Set ground rules before you start.
				---
				## Objectives

				Children name warning signs and say who they would tell.

				## Ground rules

				Nobody shares their own story. Anyone can pass.

				## If a child discloses

				Listen, stay calm, and follow your school's safeguarding policy.

				:::help
				Services for adults:
				:::
				""".formatted(module);
	}

	private static String guide(String moduleId, int module) {
		return """
				---
				title: "Module %d: what parents need to know"
				summary: What your child learns and how to talk about it.
				topic: friends
				modules: [%s]
				urgent: false
				---
				## What your child learns

				Your child learns to spot tricky online friends and to tell someone.

				## Starting the conversation

				Ask open questions. Thank your child for telling you.

				## Where to get help and report

				:::help
				These services can help you today.
				:::
				""".formatted(module, moduleId);
	}

	private static String services() {
		StringBuilder yaml = new StringBuilder("countries:\n");
		for (String code : COUNTRIES) {
			yaml.append("  - code: ").append(code).append("\n    name: Country ").append(code)
				.append("\n    emergency: \"112\"\n    services:\n");
			for (int s = 1; s <= 5; s++) {
				yaml.append("""
						      - id: service-%d
						        name: Help service %d
						        what: Talk to someone about anything that worries you, day or night.
						        who: Children, young people and parents.
						        audiences: [%s]
						        web: https://www.example.org/help/%d
						        phone: "0800 123 45%d"
						        source: https://www.example.org/help/%d
						        checked: 2026-10-01
						""".formatted(s, s, s % 2 == 0 ? "parent" : "child, parent", s, s, s));
			}
		}
		return yaml.toString();
	}

	private static String resource(String name) {
		try (InputStream in = CurriculumLoadBenchmark.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
