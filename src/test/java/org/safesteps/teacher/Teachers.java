package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: teacher accounts signed in through the real form, learners inserted as data.md documents. */
final class Teachers {

	static final String PASSWORD = "long enough teacher passphrase";

	private Teachers() {
	}

	static Account create(AccountStore accounts, String label) {
		return accounts.create(label + "-" + UUID.randomUUID() + "@school.example", label, PASSWORD, false);
	}

	static Browserless signIn(int port, Account account) {
		Browserless browser = new Browserless(port);
		HttpResponse<String> login = browser.get("/login");
		HttpResponse<String> done = browser.post("/login", login.body(),
				Map.of("username", account.email(), "password", PASSWORD));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/teacher");
		return browser;
	}

	static String learner(MongoTemplate mongo, String classId, String pseudonym) {
		String id = UUID.randomUUID().toString();
		mongo.getCollection("learners")
			.insertOne(new Document("_id", id).append("classId", classId)
				.append("pseudonym", pseudonym)
				.append("band", "AGES_11_13")
				.append("tokenHash", UUID.randomUUID().toString())
				.append("resumeHash", null)
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
		return id;
	}

	static void progress(MongoTemplate mongo, String learnerId, String classId, String moduleId, boolean completed,
			Integer bestScore) {
		mongo.getCollection("progress")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", moduleId)
				.append("band", "AGES_11_13")
				.append("stepReached", completed ? 3 : 1)
				.append("stepsTotal", 4)
				.append("startedAt", new Date())
				.append("completedAt", completed ? new Date() : null)
				.append("bestScore", bestScore)
				.append("attempts", completed ? 1 : 0)
				.append("updatedAt", new Date()));
	}

	static void attempt(MongoTemplate mongo, String learnerId, String classId, String moduleId, int score,
			java.util.List<Document> answers) {
		long correct = answers.stream().filter((a) -> a.getBoolean("correct")).count();
		mongo.getCollection("attempts")
			.insertOne(new Document("_id", UUID.randomUUID().toString()).append("submissionId", UUID.randomUUID().toString())
				.append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", moduleId)
				.append("band", "AGES_11_13")
				.append("contentVersion", "test")
				.append("answers", answers)
				.append("score", score)
				.append("correctCount", (int) correct)
				.append("questionCount", answers.size())
				.append("createdAt", Date.from(Instant.now())));
	}

	static Document answer(String questionId, boolean correct, String... chosen) {
		return new Document("questionId", questionId).append("chosen", java.util.List.of(chosen)).append("correct", correct);
	}

}
