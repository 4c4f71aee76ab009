package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.JoinCode;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;
import org.safesteps.support.TightLimits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@TightLimits
class JoinLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Test
	void repeatedWrongCodesAreRefusedWith429EvenForARightCode() {
		SchoolClass schoolClass = this.classes.create("Year 6", Band.AGES_11_13, "teacher-1");
		Browserless child = new Browserless(this.port).viaHttpsProxy();
		String form = child.get("/join").body();

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> wrong = child.post("/join", form, Map.of("code", wrongCode(schoolClass)));
			assertThat(wrong.statusCode()).isEqualTo(200);
			assertThat(wrong.body()).contains("We cannot find that code");
		}

		HttpResponse<String> refused = child.post("/join", form, Map.of("code", schoolClass.joinCode()));
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(refused.body()).contains("Please wait a moment", "too many tries").doesNotContain("Exception");
		assertThat(child.cookie(LearnerCookie.NAME)).isNull();

		HttpResponse<String> pictures = child.post("/join/pictures", form, Map.of("p1", "A"));
		assertThat(pictures.statusCode()).as("pictures are class codes too").isEqualTo(429);
		for (int i = 0; i < 3; i++) {
			assertThat(child.post("/join", form, Map.of("code", "ABCD-EFGH-JKMN")).statusCode())
				.as("resume codes have their own limit").isEqualTo(200);
		}
		assertThat(child.post("/join", form, Map.of("code", "ABCD-EFGH-JKMP")).statusCode()).isEqualTo(429);
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
