package org.safesteps.lti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code lti_deep_links} collection: a Deep Linking request waiting for its teacher to choose
 * modules. Only the teacher it was made for finds it, within an hour, and answering takes it
 * (single use), so one request gives the platform one answer.
 */
@Component
class DeepLinkRequests {

	private static final String COLLECTION = "lti_deep_links";

	private static final Duration LIFETIME = Duration.ofHours(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	DeepLinkRequests(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** A waiting request. */
	record Pending(String registrationId, String deploymentId, String returnUrl, Optional<String> data,
			boolean acceptMultiple) {
	}

	String create(Launch launch, String accountId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Launch.DeepLinking settings = launch.deepLinking().orElseThrow();
		this.mongo.insert(new Document("_id", token).append("registrationId", launch.registration().id())
			.append("deploymentId", launch.deploymentId())
			.append("returnUrl", settings.returnUrl())
			.append("data", settings.data().orElse(null))
			.append("acceptMultiple", settings.acceptMultiple())
			.append("accountId", accountId)
			.append("expiresAt", Date.from(this.clock.instant().plus(LIFETIME))), COLLECTION);
		return token;
	}

	Optional<Pending> find(String token, String accountId) {
		return Optional.ofNullable(this.mongo.findOne(query(token, accountId), Document.class, COLLECTION))
			.map(DeepLinkRequests::pending);
	}

	Optional<Pending> take(String token, String accountId) {
		return Optional.ofNullable(this.mongo.findAndRemove(query(token, accountId), Document.class, COLLECTION))
			.map(DeepLinkRequests::pending);
	}

	private Query query(String token, String accountId) {
		return Query.query(Criteria.where("_id").is(token).and("accountId").is(accountId)
			.and("expiresAt").gt(Date.from(this.clock.instant())));
	}

	private static Pending pending(Document document) {
		return new Pending(document.getString("registrationId"), document.getString("deploymentId"),
				document.getString("returnUrl"), Optional.ofNullable(document.getString("data")),
				document.getBoolean("acceptMultiple", true));
	}

}
