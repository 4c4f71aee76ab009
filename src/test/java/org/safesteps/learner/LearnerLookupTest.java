package org.safesteps.learner;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.bson.Document;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Quiz;
import org.safesteps.progress.ProgressStore;
import org.safesteps.support.Browserless;
import org.safesteps.support.QuizForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learner behind a cookie is kept in memory for ten minutes (the default of
 * {@code safesteps.learner-lookup.keep-for}, far longer than the test), so that only the instance's
 * own forgetting, not the expiry, can explain a learner no longer being recognised.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerLookupTest {

	@LocalServerPort
	int port;

	@Autowired
	ProgressStore progress;

	@Autowired
	LearnerStore store;

	@Autowired
	Learners learners;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Curriculum curriculum;

	/**
	 * Kept learners are used only while the last read of the forgotten-learners log began at most
	 * {@code trust-for} (5 s) ago. That read runs every second on a thread of its own, which a busy
	 * machine can hold back longer than that (a suite run failed so: the kept copy was distrusted,
	 * and a first read after a lapse drops every kept learner). Read it here, before each test
	 * keeps anyone: each test then takes milliseconds of the 5 s.
	 */
	@BeforeEach
	void forgottenLearnersJustRead() {
		this.store.pollForgotten();
	}

	@Test
	void aLearnerIsRecognisedFromMemoryUntilTheKeptCopyExpiresOrIsForgotten() {
		String token = Secrets.newToken();
		Learner learner = this.store.create(null, Band.AGES_8_10, Secrets.sha256(token));
		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).isPresent();

		// removed behind the instance's back, as another instance's deletion looks from here
		this.mongo.remove(Query.query(Criteria.where("_id").is(learner.id())), Learner.class);
		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).as("kept copy, until it expires").isPresent();
		assertThat(this.store.findByTokenHashInDatabase(Secrets.sha256(token)))
			.as("requests that store something read the database").isEmpty();
		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).as("and that read drops the kept copy")
			.isEmpty();
	}

	@Test
	void aLearnerJustCreatedIsKeptSoThePageAfterTheJoinReadsNothing() {
		String token = Secrets.newToken();
		Learner learner = this.store.create("class-lookup", Band.AGES_8_10, Secrets.sha256(token));

		// removed behind the instance's back: only a copy kept at creation can still answer
		this.mongo.remove(Query.query(Criteria.where("_id").is(learner.id())), Learner.class);
		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).as("kept since its creation").get()
			.extracting(Learner::id).isEqualTo(learner.id());
		assertThat(this.store.findByTokenHashInDatabase(Secrets.sha256(token))).isEmpty();
	}

	@Test
	void aLearnerRemovedElsewhereReadsOnlyStepsAlreadyReachedFromTheKeptCopyAndNothingIsWrittenForThem() {
		String token = Secrets.newToken();
		Learner learner = this.store.create(null, Band.AGES_8_10, Secrets.sha256(token));
		Browserless child = new Browserless(this.port);
		child.cookie(LearnerCookie.NAME, token);
		assertThat(child.get("/learn/trusted-adults?step=2").statusCode()).isEqualTo(200);

		// removed behind the instance's back, as another instance's deletion looks from here
		this.mongo.remove(Query.query(Criteria.where("_id").is(learner.id())), Learner.class);

		assertThat(child.get("/learn/trusted-adults?step=2").statusCode())
			.as("a step already reached, from the kept copy: nothing to write").isEqualTo(200);
		HttpResponse<String> next = child.get("/learn/trusted-adults?step=3");
		assertThat(next.statusCode()).as("a new step asks the database, which no longer knows them").isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).get().asString().endsWith("/explore");
		assertThat(this.progress.forLearner(learner.id())).singleElement()
			.satisfies((record) -> assertThat(record.stepReached()).as("step 3 was not written").isEqualTo(1));
		assertThat(child.get("/learn/trusted-adults?step=2").statusCode()).as("and the kept copy is gone")
			.isEqualTo(302);
	}

	@Test
	void aQuizSentForALearnerRemovedElsewhereStoresNothingThoughTheQuizPageCameFromTheKeptCopy() {
		String token = Secrets.newToken();
		Learner learner = this.store.create(null, Band.AGES_8_10, Secrets.sha256(token));
		Browserless child = new Browserless(this.port);
		child.cookie(LearnerCookie.NAME, token);
		String path = "/learn/trusted-adults/quiz";
		Quiz quiz = this.curriculum.module("trusted-adults").orElseThrow().quiz(Band.AGES_8_10).orElseThrow();

		// removed behind the instance's back, as another instance's deletion looks from here
		this.mongo.remove(Query.query(Criteria.where("_id").is(learner.id())), Learner.class);
		HttpResponse<String> page = child.get(path);
		assertThat(page.statusCode()).as("the quiz page, from the kept copy").isEqualTo(200);
		String submissionId = QuizForms.submissionId(page.body());
		List<Map.Entry<String, String>> fields = new ArrayList<>(QuizForms.answers(quiz, page.body(), true));
		fields.add(Map.entry("submissionId", submissionId));
		HttpResponse<String> sent = child.post(path, page.body(), fields);

		assertThat(sent.statusCode()).as("answered as for a learner not found").isEqualTo(302);
		assertThat(sent.headers().firstValue("Location")).get().asString().endsWith("/explore");
		assertThat(this.mongo.getCollection("attempts").countDocuments(new Document("submissionId", submissionId)))
			.as("no attempt stored").isZero();
		assertThat(this.progress.forLearner(learner.id())).as("no progress stored").isEmpty();
		assertThat(child.get(path).statusCode()).as("and the kept copy is gone").isEqualTo(302);
	}

	@Test
	void aLearnerDeletedOnThisInstanceIsForgottenAtOnce() {
		String token = Secrets.newToken();
		Learner learner = this.store.create("class-lookup", Band.AGES_8_10, Secrets.sha256(token));
		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).isPresent();

		this.learners.delete(learner.id());

		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).isEmpty();
	}

	@Test
	void aResumeCodeMovesTheLearnerAndTheOldCookieStopsAtOnce() {
		String oldToken = Secrets.newToken();
		Learner learner = this.store.create(null, Band.AGES_11_13, Secrets.sha256(oldToken));
		ResumeCode code = this.learners.newResumeCode(learner);
		assertThat(this.store.findByTokenHash(Secrets.sha256(oldToken))).get()
			.extracting(Learner::resumeHash).as("the kept copy follows the new resume code").isEqualTo(code.hash());

		String newToken = Secrets.newToken();
		assertThat(this.store.resume(code.hash(), Secrets.sha256(newToken))).isPresent();

		assertThat(this.store.findByTokenHash(Secrets.sha256(oldToken))).isEmpty();
		assertThat(this.store.findByTokenHash(Secrets.sha256(newToken))).get()
			.extracting(Learner::id).isEqualTo(learner.id());
	}

	@Test
	void aSelfLearnerChangingBandIsSeenInTheNewBandAtOnce() {
		String token = Secrets.newToken();
		Learner learner = this.store.create(null, Band.AGES_8_10, Secrets.sha256(token));
		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).get().extracting(Learner::band)
			.isEqualTo(Band.AGES_8_10);

		this.store.setBand(learner.id(), Band.AGES_14_17);

		assertThat(this.store.findByTokenHash(Secrets.sha256(token))).get().extracting(Learner::band)
			.isEqualTo(Band.AGES_14_17);
	}

}
