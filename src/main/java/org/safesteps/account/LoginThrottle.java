package org.safesteps.account;

import java.time.Clock;
import java.time.Instant;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per e-mail address and per client in MongoDB (so every app instance sees
 * the same counts), in fixed time buckets: the current and the previous bucket together must stay
 * under the limit. Keys are stored hashed: the collection holds no addresses. It counts typed
 * addresses whether or not an account exists, so being throttled reveals nothing about accounts.
 */
@Component
@EnableConfigurationProperties(LoginThrottleProperties.class)
class LoginThrottle {

	static final String COLLECTION = "loginFailures";

	private final MongoTemplate mongo;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(MongoTemplate mongo, LoginThrottleProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	boolean isThrottled(String email, String client) {
		long bucket = bucket(this.clock.instant());
		return failures(accountKey(email), bucket) >= this.properties.perAccount()
				|| failures(clientKey(client), bucket) >= this.properties.perClient();
	}

	void recordFailure(String email, String client) {
		Instant now = this.clock.instant();
		long bucket = bucket(now);
		Instant expires = now.plus(this.properties.window().multipliedBy(2));
		increment(accountKey(email), bucket, expires);
		increment(clientKey(client), bucket, expires);
		// real MongoDB also expires them by TTL index; the embedded server ignores TTL indexes
		this.mongo.remove(Query.query(Criteria.where("expiresAt").lt(now)), COLLECTION);
	}

	/** A correct password clears the account's count; the client's count stays (it may be trying many). */
	void recordSuccess(String email) {
		this.mongo.remove(Query.query(Criteria.where("key").is(accountKey(email))), COLLECTION);
	}

	private long failures(String key, long bucket) {
		long total = 0;
		for (Document found : this.mongo.find(
				Query.query(Criteria.where("_id").in(id(key, bucket), id(key, bucket - 1))), Document.class,
				COLLECTION)) {
			total += ((Number) found.get("count")).longValue();
		}
		return total;
	}

	private void increment(String key, long bucket, Instant expires) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(id(key, bucket))),
				new Update().inc("count", 1).setOnInsert("key", key).setOnInsert("expiresAt", expires), COLLECTION);
	}

	private long bucket(Instant now) {
		return now.toEpochMilli() / Math.max(1, this.properties.window().toMillis());
	}

	private static String id(String key, long bucket) {
		return key + ":" + bucket;
	}

	private static String accountKey(String email) {
		return "account:" + Invites.hash(Account.normaliseEmail(email));
	}

	private static String clientKey(String client) {
		return "client:" + Invites.hash(String.valueOf(client));
	}

}
