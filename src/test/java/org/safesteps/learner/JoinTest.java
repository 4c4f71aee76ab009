package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JoinTest {

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aClassCodeTypedLooselyCreatesALearnerHoldingOnlyTheTokensHash() {
		SchoolClass schoolClass = this.classes.create("Year 5 Oak", Band.AGES_8_10, "teacher-1");
		String typed = " " + schoolClass.code().display().toLowerCase() + " ";
		Browserless child = new Browserless(this.port);

		HttpResponse<String> form = child.get("/join");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> joined = child.post("/join", form.body(), Map.of("code", typed));

		assertThat(joined.statusCode()).isEqualTo(302);
		assertThat(joined.headers().firstValue("Location").orElseThrow()).endsWith("/learn");
		String setCookie = joined.headers().allValues("Set-Cookie").stream()
			.filter((header) -> header.startsWith(LearnerCookie.NAME + "="))
			.findFirst()
			.orElseThrow();
		assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
		String token = child.cookie(LearnerCookie.NAME);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");

		List<Document> learners = this.mongo.find(Query.query(Criteria.where("classId").is(schoolClass.id())),
				Document.class, "learners");
		assertThat(learners).singleElement().satisfies((learner) -> {
			assertThat(learner.getString("tokenHash")).isEqualTo(Secrets.sha256(token)).hasSize(64);
			assertThat(learner.toJson()).doesNotContain(token);
			assertThat(learner.getString("band")).isEqualTo("AGES_8_10");
			assertThat(learner.getString("pseudonym")).matches("[A-Z][a-z]+ [A-Z][a-z]+");
		});

		HttpResponse<String> learn = child.get("/learn");
		assertThat(learn.statusCode()).isEqualTo(200);
		assertThat(learn.body()).contains(learners.get(0).getString("pseudonym")).contains("theme-ages-8-10");
	}

	@Test
	void wrongAndClosedCodesSaySoPlainlyWithoutCreatingALearner() {
		SchoolClass closed = this.classes.create("Closed class", Band.AGES_11_13, "teacher-1");
		this.classes.setOpen(closed.id(), false);
		Browserless child = new Browserless(this.port);
		HttpResponse<String> form = child.get("/join");

		HttpResponse<String> malformed = child.post("/join", form.body(), Map.of("code", "hello"));
		assertThat(malformed.statusCode()).isEqualTo(200);
		assertThat(malformed.body()).contains("A class code has 6 letters and numbers", "aria-invalid=\"true\"");

		HttpResponse<String> closedAnswer = child.post("/join", form.body(), Map.of("code", closed.joinCode()));
		assertThat(closedAnswer.body()).contains("This class is not taking new learners right now");

		long before = this.mongo.getCollection("learners").countDocuments();
		String unknown = unusedCode();
		HttpResponse<String> wrong = child.post("/join", form.body(), Map.of("code", unknown));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("We cannot find that code");
		assertThat(child.cookie(LearnerCookie.NAME)).isNull();
		assertThat(this.mongo.getCollection("learners").countDocuments()).isEqualTo(before);
	}

	@Test
	void aPictureCodeJoinsTheSameClass() {
		SchoolClass schoolClass = this.classes.create("Reception", Band.AGES_5_7, "teacher-1");
		Browserless child = new Browserless(this.port);
		HttpResponse<String> form = child.get("/join/pictures");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("theme-ages-5-7", "Picture 1 of 6", "elephant");

		Map<String, String> pictures = new java.util.HashMap<>();
		List<PictureCode.Picture> code = PictureCode.of(schoolClass.code());
		for (int i = 0; i < code.size(); i++) {
			pictures.put("p" + (i + 1), code.get(i).value());
		}
		Map<String, String> missingOne = new java.util.HashMap<>(pictures);
		missingOne.remove("p4");
		HttpResponse<String> incomplete = child.post("/join/pictures", form.body(), missingOne);
		assertThat(incomplete.statusCode()).isEqualTo(200);
		assertThat(incomplete.body()).contains("Choose one picture in each of the 6 rows");

		HttpResponse<String> joined = child.post("/join/pictures", form.body(), pictures);
		assertThat(joined.statusCode()).isEqualTo(302);
		assertThat(this.mongo.getCollection("learners").countDocuments(new Document("classId", schoolClass.id())))
			.isEqualTo(1);
	}

	private String unusedCode() {
		while (true) {
			String code = org.safesteps.classroom.JoinCode.random().value();
			if (this.classes.findByJoinCode(new org.safesteps.classroom.JoinCode(code)).isEmpty()) {
				return code;
			}
		}
	}

}
