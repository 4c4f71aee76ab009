package org.safesteps.storage;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/**
 * Every index of every collection, declared in one place and created at start-up. Unique indexes
 * carry correctness (one attempt per submission id, one progress record per learner and module);
 * the others make each query an index lookup, on a real MongoDB and on the embedded server (where
 * {@link SecondaryIndex} answers equality on their leading keys; nothing may depend on them for
 * correctness).
 */
@Component
public class Indexes {

	private static final Logger log = LoggerFactory.getLogger(Indexes.class);

	private static final long INDEX_BUILD_MINUTES = 30;

	private final MongoTemplate mongo;

	public Indexes(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationStartedEvent.class)
	public void create() {
		// building a new index on a large collection takes far longer than a page may wait
		MongoDatabase db = this.mongo.getDb().withTimeout(INDEX_BUILD_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
		create(db, "accounts", unique("email_unique", ascending("email")));
		create(db, "classes", unique("joinCode_unique", ascending("joinCode")), plain("owner", ascending("ownerId")),
				plain("teachers", ascending("teacherIds")));
		create(db, "assignments", unique("class_module_unique", compoundIndex(ascending("classId"), ascending("moduleId"))));
		create(db, "learners", unique("tokenHash_unique", ascending("tokenHash")), plain("class", ascending("classId")),
				plain("resume", ascending("resumeHash")), plain("lastSeen", ascending("lastSeenAt")));
		create(db, "progress",
				unique("learner_module_unique", compoundIndex(ascending("learnerId"), ascending("moduleId"))),
				plain("class_module", compoundIndex(ascending("classId"), ascending("moduleId"))));
		create(db, "attempts", unique("submission_unique", ascending("submissionId")),
				plain("class_module", compoundIndex(ascending("classId"), ascending("moduleId"))),
				plain("learner", ascending("learnerId")));
		// the confidence check (issue 22): deleted per learner, read per class and module
		create(db, "confidence", plain("learner", ascending("learnerId")),
				plain("class_module", compoundIndex(ascending("classId"), ascending("moduleId"))));
		create(db, "learners", unique("class_pseudonym_unique", compoundIndex(ascending("classId"), ascending("pseudonym"))));
		create(db, "invites", unique("tokenHash_unique", ascending("tokenHash")));
		create(db, "class_lessons", plain("class", ascending("classId")));
		create(db, "class_tallies", plain("class_module", compoundIndex(ascending("classId"), ascending("moduleId"))));
		create(db, "setup_tokens", new IndexModel(ascending("expiresAt"),
				new IndexOptions().name("expires_ttl").expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS)));
		create(db, "rate_limits", new IndexModel(ascending("expiresAt"),
				new IndexOptions().name("expires_ttl").expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS)));
		// learners forgotten on any instance, read by every instance each second by `at` (the server's time); kept 10 minutes
		create(db, "forgotten_learners", new IndexModel(ascending("at"),
				new IndexOptions().name("at_ttl").expireAfter(600L, java.util.concurrent.TimeUnit.SECONDS)));
		// sessions: expiry is enforced by every query and a cleanup job; the TTL index spares that job on a real MongoDB
		create(db, "sessions", new IndexModel(ascending("expiresAt"),
				new IndexOptions().name("expires_ttl").expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS)));
		log.info("Indexes checked");
	}

	private static void create(MongoDatabase db, String collection, IndexModel... indexes) {
		db.getCollection(collection).createIndexes(List.of(indexes));
	}

	private static IndexModel unique(String name, Bson keys) {
		return new IndexModel(keys, new IndexOptions().name(name).unique(true));
	}

	private static IndexModel plain(String name, Bson keys) {
		return new IndexModel(keys, new IndexOptions().name(name));
	}

}
