package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.bulk.BulkWriteError;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Quiz;
import org.safesteps.progress.Progress;
import org.safesteps.support.Browserless;
import org.safesteps.support.QuizForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;

/**
 * The database fails after a quiz attempt is stored and before the learner's progress is: the child
 * gets the quiz back to send again, and sending it again records the module as completed, once. And a
 * progress write that fails alone in its batch is written on its own before the child sees a result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class QuizProgressRetryTest {

	static final String MODULE = "trusted-adults";

	static final String PATH = "/learn/" + MODULE + "/quiz";

	@LocalServerPort
	int port;

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@MockitoSpyBean
	MongoTemplate mongo;

	@Test
	void progressThatFailedOnceIsRecordedOnTheLearnersRetryAndCountedOnce() {
		SchoolClass schoolClass = this.classes.create("Year 4", Band.AGES_8_10, "teacher-1");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
		child.get("/learn/" + MODULE);
		Quiz quiz = this.curriculum.module(MODULE).orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		HttpResponse<String> page = child.get(PATH);
		List<Map.Entry<String, String>> form = new ArrayList<>(QuizForms.answers(quiz, page.body(), true));
		form.add(Map.entry("submissionId", QuizForms.submissionId(page.body())));
		form.add(Map.entry("band", "ages-8-10"));
		String learner = learnerId(child);

		// the next progress write (the batch's bulk write) fails as an unreachable database does; the
		// attempt insert before it works
		doThrow(new DataAccessResourceFailureException("injected: progress write lost")).doCallRealMethod()
			.when(this.mongo)
			.execute(eq(Progress.class), any(CollectionCallback.class));
		HttpResponse<String> failed = child.post(PATH, page.body(), form);
		assertThat(failed.statusCode()).as("the quiz comes back to send again").isEqualTo(503);
		assertThat(attempts(learner)).as("the attempt was stored before the failure").isEqualTo(1);
		assertThat(progress(learner)).as("progress was not").isNull();

		HttpResponse<String> retry = child.post(PATH, failed.body(), form);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(retry.body()).contains("(100%)");
		Document recorded = progress(learner);
		assertThat(recorded).isNotNull();
		assertThat(recorded.get("completedAt")).as("the module is completed").isNotNull();
		assertThat(recorded.getInteger("bestScore")).isEqualTo(100);
		assertThat(recorded.getInteger("attempts")).isEqualTo(1);

		HttpResponse<String> again = child.post(PATH, failed.body(), form);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(progress(learner).getInteger("attempts")).as("a further resubmission counts nothing").isEqualTo(1);
		assertThat(attempts(learner)).isEqualTo(1);
		assertThat(child.get("/learn").body()).contains("Lessons finished: 1 of");
	}

	@Test
	void aProgressWriteThatFailsAloneInItsBatchIsWrittenOnItsOwnBeforeTheResultIsShown() {
		SchoolClass schoolClass = this.classes.create("Year 5", Band.AGES_8_10, "teacher-1");
		Browserless child = new Browserless(this.port).join(schoolClass.joinCode());
		Quiz quiz = this.curriculum.module(MODULE).orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		HttpResponse<String> page = child.get(PATH);
		List<Map.Entry<String, String>> form = new ArrayList<>(QuizForms.answers(quiz, page.body(), true));
		form.add(Map.entry("submissionId", QuizForms.submissionId(page.body())));
		form.add(Map.entry("band", "ages-8-10"));
		String learner = learnerId(child);

		// the batch's progress write reports this submission's item failed alone, as a parallel first
		// write of the same learner's progress makes it collide on the unique key
		doReturn(Map.of(0, new BulkWriteError(11000, "injected: duplicate key", new BsonDocument(), 0)))
			.doCallRealMethod()
			.when(this.mongo)
			.execute(eq(Progress.class), any(CollectionCallback.class));
		HttpResponse<String> answer = child.post(PATH, page.body(), form);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("(100%)");
		assertThat(attempts(learner)).isEqualTo(1);
		Document recorded = progress(learner);
		assertThat(recorded).as("written on its own before the answer").isNotNull();
		assertThat(recorded.getInteger("attempts")).isEqualTo(1);
		assertThat(recorded.getInteger("bestScore")).isEqualTo(100);
	}

	private long attempts(String learnerId) {
		return this.mongo.getCollection("attempts")
			.countDocuments(new Document("moduleId", MODULE).append("learnerId", learnerId));
	}

	private Document progress(String learnerId) {
		return this.mongo.getCollection("progress")
			.find(new Document("moduleId", MODULE).append("learnerId", learnerId)
				.append("completedAt", new Document("$ne", null)))
			.first();
	}

	private String learnerId(Browserless child) {
		return this.mongo.getCollection("learners")
			.find(new Document("tokenHash", Secrets.sha256(child.cookie(LearnerCookie.NAME))))
			.first()
			.get("_id")
			.toString();
	}

}
