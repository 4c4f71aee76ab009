package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.SpanishTestContent;
import org.safesteps.support.Browserless;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A learner reading in Spanish rates the Spanish statements; answers are kept under the same ids as in English. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SpanishTestContent.class)
class SpanishConfidenceCheckTest {

	private static final String BEFORE = "/learn/sextortion/check/before";

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aLearnerReadingInSpanishRatesTheSpanishStatementsStoredUnderTheEnglishIds() {
		Browserless child = child("es");

		HttpResponse<String> form = child.get(BEFORE);

		assertThat(form.body()).contains("<span class=\"question-text\" lang=\"es\">" + SpanishTestContent.CHECK_STATEMENT,
				"name=\"s-what-to-do\"").doesNotContain("I know what to do if someone threatens to share a picture.");
		child.post(BEFORE, form.body(), Map.of("s-what-to-do", "3"));
		String learnerId = this.mongo.getCollection("learners")
			.find(new Document("tokenHash", Secrets.sha256(child.cookie(LearnerCookie.NAME)))).first().getString("_id");
		Document stored = this.mongo.getCollection("confidence").find(new Document("_id", learnerId + "/sextortion/before")).first();
		assertThat(stored.get("levels", Document.class)).containsExactlyEntriesOf(Map.of("what-to-do", 3));
	}

	@Test
	void inEnglishTheEnglishStatementsAreShown() {
		assertThat(child("en").get(BEFORE).body())
			.contains("<span class=\"question-text\" lang=\"en\">I know what to do if someone threatens to share a picture.")
			.doesNotContain(SpanishTestContent.CHECK_STATEMENT);
	}

	private Browserless child(String language) {
		SchoolClass schoolClass = this.classes.create("Year 8", Band.AGES_11_13, "teacher-1");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
		assertThat(child.get("/language?lang=" + language + "&return=/learn").statusCode()).isEqualTo(302);
		return child;
	}

}
