package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.JoinCode;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "safesteps.join-limit.max-failures=4", "safesteps.join-limit.slow-after=2",
				"safesteps.join-limit.slow-delay=300ms" })
class JoinLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Test
	void repeatedWrongCodesAreSlowedThenRefusedWith429EvenForARightCode() {
		SchoolClass schoolClass = this.classes.create("Year 6", Band.AGES_11_13, "teacher-1");
		Child child = new Child(this.port);
		String form = child.get("/join").body();

		long[] took = new long[4];
		for (int i = 0; i < 4; i++) {
			long started = System.nanoTime();
			HttpResponse<String> wrong = child.post("/join", form, Map.of("code", wrongCode(schoolClass)));
			took[i] = (System.nanoTime() - started) / 1_000_000;
			assertThat(wrong.statusCode()).isEqualTo(200);
			assertThat(wrong.body()).contains("We cannot find that code");
		}
		assertThat(took[3]).as("slowed after 2 wrong codes").isGreaterThanOrEqualTo(300);

		HttpResponse<String> refused = child.post("/join", form, Map.of("code", schoolClass.joinCode()));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("Please wait a moment", "too many tries").doesNotContain("Exception");
		assertThat(child.cookie(LearnerCookie.NAME)).isNull();

		HttpResponse<String> resume = child.post("/join", form, Map.of("code", "ABCD-EFGH-JKMN"));
		assertThat(resume.statusCode()).as("resume codes share the limit").isEqualTo(429);
		HttpResponse<String> pictures = child.post("/join/pictures", form, Map.of("p1", "A"));
		assertThat(pictures.statusCode()).isEqualTo(429);
	}

	private String wrongCode(SchoolClass schoolClass) {
		while (true) {
			JoinCode code = JoinCode.random();
			if (this.classes.findByJoinCode(code).isEmpty()) {
				return code.value();
			}
		}
	}

}
