package org.safesteps.lti;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code lti_users} collection: which SafeSteps teacher account, and which learner in each
 * class, a platform user is. A user is known only by an HMAC-SHA256 of (issuer, user id) under a
 * secret of ours ({@link ToolKeys#learnerHashKey()}): the stored key cannot be turned back into the
 * platform's id, nor recomputed from it without that secret. Nothing else about the user is kept.
 */
@Component
class PlatformUsers {

	private static final String COLLECTION = "lti_users";

	private final MongoTemplate mongo;

	private final ToolKeys keys;

	PlatformUsers(MongoTemplate mongo, ToolKeys keys) {
		this.mongo = mongo;
		this.keys = keys;
	}

	/** The keyed hash of a platform user: hex, the same on every instance. */
	String keyOf(String issuer, String subject) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.keys.learnerHashKey(), "HmacSHA256"));
			// the separator cannot occur inside an issuer URL, so no two pairs give the same input
			return HexFormat.of().formatHex(mac.doFinal((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
		}
	}

	Optional<String> teacherAccount(String userKey) {
		return field(userKey, "accountId");
	}

	void setTeacherAccount(String userKey, String accountId) {
		upsert(userKey, Update.update("accountId", accountId));
	}

	Optional<String> learnerIn(String userKey, String classId) {
		return Optional.ofNullable(this.mongo.findById(userKey, Document.class, COLLECTION))
			.map((document) -> document.get("learners", Document.class))
			.map((learners) -> learners.getString(classId));
	}

	void setLearner(String userKey, String classId, String learnerId) {
		upsert(userKey, Update.update("learners." + classId, learnerId));
	}

	private Optional<String> field(String userKey, String name) {
		return Optional.ofNullable(this.mongo.findById(userKey, Document.class, COLLECTION))
			.map((document) -> document.getString(name));
	}

	private void upsert(String userKey, Update update) {
		this.mongo.findAndModify(Query.query(Criteria.where("_id").is(userKey)), update,
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
	}

}
