package org.safesteps.security;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.content.Band;
import org.safesteps.content.Question;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random generator sends odd input to every field of every route (from the handler
 * mapping): random, huge, control, unicode, injection-shaped, missing and repeated values, and odd
 * path variables, as a signed-in owner of the class (so teacher pages reach their handlers) or as a
 * learner of it. No answer may be a 500, and none may show a stack trace or an exception's name.
 * Set {@code -Dfuzz.seed} to replay a run, {@code -Dfuzz.cases} for more cases per route.
 */
class FuzzTest extends RouteSweep {

	static final Pattern LEAK = Pattern.compile(
			"Exception|Whitelabel|\\tat [a-z]|\\bat (org|java|jakarta|com)\\.[a-z]|(org|java|jakarta)\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w*(Error|Exception)");

	static final List<String> ODD = List.of("", " ", "\u0000", "%00", "%", "../../etc/passwd", "{\"$gt\":\"\"}",
			"$where", "<script>alert(1)</script>", "' OR 1=1 --", "-1", "0", "99999999999999999999", "NaN", "1e309",
			"\r\nSet-Cookie: x=y", "\u202Eevil", "\uD83D\uDE00\uD83D\uDC4D", "\uD800", "\u200B", "true", "UP",
			"DISABLED", "ADMIN", "AGES_11_13", "ages-5-7", "ZZZZZZ", "ABCD-EFGH-JKMN", "=cmd|' /C calc'!A0",
			"null", "[]", "a".repeat(300), "12345678-1234-1234-1234-123456789abc");

	@Test
	void oddInputToEveryFieldOfEveryRouteNeverGivesA500OrAStackTrace() {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		int cases = Integer.getInteger("fuzz.cases", 12);
		Random random = new Random(seed);
		String password = "long enough fuzzing passphrase";
		Account owner = account("fuzz", password, true);
		Account other = account("fuzz-co", password, false);
		Browserless teacher = browser().signIn(owner.email(), password);
		Browserless learner = browser();
		learner.get("/join");
		String moduleId = moduleId();
		List<String> problems = new ArrayList<>();
		int executions = 0;
		for (Routes.Route route : routes()) {
			World world = world(Map.of("teacherA", owner, "coTeacherA", other, "teacherB", other), false);
			boolean staff = route.pattern().startsWith("/teacher") || route.pattern().startsWith("/admin");
			Browserless visitor = staff ? teacher : learner;
			learner.cookie("safesteps_learner", world.tokenA());
			Set<String> names = fieldNames(route, world, moduleId);
			for (int i = 0; i < cases; i++) {
				String path = route.path(variables(route, world, random));
				List<Map.Entry<String, String>> fields = fields(names, random);
				HttpResponse<String> response = visitor.send(route.method(), path, fields);
				executions++;
				java.util.regex.Matcher leak = LEAK.matcher(response.body());
				boolean leaked = leak.find();
				if (response.statusCode() >= 500 || leaked) {
					problems.add(route.key() + " -> " + response.statusCode() + " "
							+ (leaked ? "shows " + leak.group() : "") + " fields "
							+ fields.stream().map((f) -> f.getKey().length() > 20 ? "(odd name)" : f.getKey() + "(" + f.getValue().length() + ")").toList());
				}
			}
		}
		System.out.printf("Fuzz: %d executions over %d routes (seed %d)%n", executions, routes().size(),
				seed);
		assertThat(problems).as("seed %d", seed).isEmpty();
	}

	@Test
	void aFormLargerThan64KbIsRefusedWith413BeforeAnythingReadsIt() {
		Browserless visitor = browser();
		visitor.get("/join");
		for (String path : List.of("/join", "/teacher/classes", "/login", "/learn/x/quiz")) {
			HttpResponse<String> response = visitor.postBody(path, "code=" + "A".repeat(70 * 1024) + "&_csrf=" + visitor.csrf());
			assertThat(response.statusCode()).as(path).isIn(400, 413);
			assertThat(LEAK.matcher(response.body()).find()).isFalse();
			// the site's own page (its layout, quick exit and help), not the container's bare one:
			// the form is never read, not even for the page's language or help country
			assertThat(response.body()).as(path + ": the site's error page").contains("<main");
		}
		HttpResponse<String> longUrl = visitor.get("/help?country=" + "A".repeat(20_000));
		assertThat(longUrl.statusCode()).isIn(400, 414, 431);
	}

	private Set<String> fieldNames(Routes.Route route, World world, String moduleId) {
		Set<String> names = new LinkedHashSet<>(route.fields());
		world.fields(route.key()).forEach((field) -> names.add(field.getKey()));
		names.addAll(List.of("country", "step", "code", "band", "submissionId", "module", "_method"));
		for (Question question : this.curriculum.module(moduleId).orElseThrow().quiz(Band.AGES_11_13).orElseThrow()
			.questions()) {
			names.add("q-" + question.id());
			names.add("q-" + question.id() + "-0");
		}
		return names;
	}

	private static Map<String, String> variables(Routes.Route route, World world, Random random) {
		Map<String, String> variables = new java.util.HashMap<>(world.variables(route.pattern()));
		if (random.nextInt(3) == 0) {
			variables.replaceAll((name, value) -> (random.nextBoolean()) ? value
					: URLEncoder.encode(value(random), StandardCharsets.UTF_8).replace("+", "%20"));
			variables.replaceAll((name, value) -> value.isEmpty() ? "x" : value);
		}
		return variables;
	}

	private static List<Map.Entry<String, String>> fields(Set<String> names, Random random) {
		List<Map.Entry<String, String>> fields = new ArrayList<>();
		for (String name : names) {
			int shape = random.nextInt(10);
			if (shape < 4) {
				continue;
			}
			int copies = (shape == 9) ? 2 + random.nextInt(3) : 1;
			for (int i = 0; i < copies; i++) {
				fields.add(Map.entry(name, value(random)));
			}
		}
		if (random.nextInt(4) == 0) {
			fields.add(Map.entry(value(random), value(random)));
		}
		return fields;
	}

	private static String value(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> ODD.get(random.nextInt(ODD.size()));
			case 1 -> ODD.get(random.nextInt(ODD.size())) + ODD.get(random.nextInt(ODD.size()));
			case 2 -> randomText(random, random.nextInt(20), 0x7F);
			case 3 -> randomText(random, random.nextInt(40), 0x2FFFF);
			case 4 -> randomText(random, 2_000 + random.nextInt(8_000), 0xFFFF);
			default -> Integer.toString(random.nextInt());
		};
	}

	private static String randomText(Random random, int length, int maxCodePoint) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(random.nextInt(maxCodePoint + 1));
		}
		return text.toString();
	}

}
