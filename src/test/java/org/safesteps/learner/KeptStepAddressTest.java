package org.safesteps.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept step's address checks, written by hand because they run on every lesson step, accept
 * exactly what the patterns they replaced accepted: a module path and a {@code step=n} query.
 */
class KeptStepAddressTest {

	private static final Pattern PATH = Pattern.compile("/learn/[a-z0-9][a-z0-9-]{0,79}");

	private static final Pattern QUERY = Pattern.compile("step=([1-9][0-9]{0,2})");

	@Test
	void modulePathsAsThePatternAcceptedThem() {
		List<String> paths = new ArrayList<>(List.of("/learn/trusted-adults", "/learn/a", "/learn/0-9", "/learn/",
				"/learn", "/learn/-a", "/learn/A", "/learn/a/b", "/learn/a.b", "/learn/a%20b", "/learn/a;b", "/learn//a",
				"/learn/trusted-adults/", "/learnx/a", "/learn/" + "a".repeat(80), "/learn/" + "a".repeat(81),
				"/learn/ä", "/assets/a"));
		Random random = new Random(25);
		String alphabet = "az09-/.%;AZ_\u00e4";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder path = new StringBuilder("/learn/");
			int length = random.nextInt(6);
			for (int j = 0; j < length; j++) {
				path.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			paths.add(path.toString());
		}
		for (String path : paths) {
			assertThat(KeptStepFilter.isModulePath(path, 0)).as(path).isEqualTo(PATH.matcher(path).matches());
			assertThat(KeptStepFilter.isModulePath("/app" + path, 4)).as("under a context path: " + path)
				.isEqualTo(PATH.matcher(path).matches());
		}
	}

	@Test
	void stepQueriesAsThePatternAcceptedThem() {
		List<String> queries = new ArrayList<>(List.of("step=1", "step=2", "step=999", "step=1000", "step=0", "step=01",
				"step=", "step", "step=1&lang=es", "lang=es", "step=-1", "step=+1", "step=1 ", "STEP=1", "xstep=1",
				"step=١"));
		Random random = new Random(9);
		String alphabet = "0123456789=&a-";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder query = new StringBuilder("step=");
			int length = random.nextInt(5);
			for (int j = 0; j < length; j++) {
				query.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			queries.add(query.toString());
		}
		for (String query : queries) {
			Matcher matcher = QUERY.matcher(query);
			int expected = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
			assertThat(KeptStepFilter.stepOf(query)).as(query).isEqualTo(expected);
		}
	}

}
