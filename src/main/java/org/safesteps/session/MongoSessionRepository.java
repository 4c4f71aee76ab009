package org.safesteps.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.session.SessionRepository;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * Sessions in the {@code sessions} collection, shared by every app instance. A session id is 256
 * random bits in the cookie; the document's {@code _id} is its SHA-256, so a copy of the database
 * signs nobody in. Expiry is checked on every read (an expired session is simply not found), because
 * the embedded server ignores TTL indexes; {@link SessionCleanup} deletes what expired.
 */
final class MongoSessionRepository implements SessionRepository<MongoSession> {

	static final String COLLECTION = "sessions";

	private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

	private static final int MAX_ID_LENGTH = 64;

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	private final SessionProperties properties;

	private final Clock clock;

	MongoSessionRepository(MongoTemplate mongo, SessionProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public MongoSession createSession() {
		return new MongoSession(this::newId, this.properties.timeout(), this.clock.instant());
	}

	@Override
	public void save(MongoSession session) {
		if (!session.getId().equals(session.storedId())) {
			// new, or its id changed at sign-in: store it under the new id, then drop the old one
			sessions().insertOne(document(session));
			if (session.storedId() != null) {
				sessions().deleteOne(eq("_id", hash(session.storedId())));
			}
		}
		else {
			Document set = new Document();
			Document unset = new Document();
			for (String name : session.changedAttributes()) {
				Object value = session.getAttribute(name);
				if (value == null) {
					unset.append("attributes." + fieldName(name), "");
				}
				else {
					set.append("attributes." + fieldName(name), new Binary(SessionAttributes.write(name, value)));
				}
			}
			if (session.intervalChanged()) {
				set.append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds());
			}
			Duration sinceStored = Duration.between(session.storedLastAccessedTime(), session.getLastAccessedTime());
			if (!set.isEmpty() || !unset.isEmpty() || sinceStored.compareTo(this.properties.touchEvery()) >= 0) {
				set.append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
					.append("expiresAt", Date.from(session.expiresAt()));
				Document update = new Document("$set", set);
				if (!unset.isEmpty()) {
					update.append("$unset", unset);
				}
				// no upsert: a session deleted meanwhile (signed out on another instance) stays deleted
				sessions().updateOne(eq("_id", hash(session.getId())), update);
			}
		}
		session.saved();
	}

	@Override
	public MongoSession findById(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
			return null;
		}
		Instant now = this.clock.instant();
		// by id alone, the one query every server answers from the _id index; expiry checked here
		Document stored = sessions().find(eq("_id", hash(id))).first();
		if (stored == null || !stored.getDate("expiresAt").toInstant().isAfter(now)) {
			return null;
		}
		Map<String, Object> attributes = new HashMap<>();
		Document fields = stored.get("attributes", Document.class);
		try {
			if (fields != null) {
				fields.forEach((name, value) -> attributes.put(attributeName(name),
						SessionAttributes.read(((Binary) value).getData())));
			}
		}
		catch (SessionAttributes.UnreadableAttributeException ex) {
			log.info("A stored session could not be read ({}), probably written by another app version; "
					+ "its teacher signs in again", ex.getMessage());
			deleteById(id);
			return null;
		}
		return new MongoSession(this::newId, id, attributes, stored.getDate("createdAt").toInstant(),
				stored.getDate("lastAccessedAt").toInstant(), Duration.ofSeconds(stored.getLong("maxInactiveSeconds")));
	}

	@Override
	public void deleteById(String id) {
		if (id != null && id.length() <= MAX_ID_LENGTH) {
			sessions().deleteOne(eq("_id", hash(id)));
		}
	}

	/**
	 * Deletes every expired session; returns how many. A background job, not a page: it may take
	 * longer than the bound every request's operations have.
	 */
	long deleteExpired() {
		return sessions().withTimeout(1, TimeUnit.MINUTES)
			.deleteMany(lte("expiresAt", Date.from(this.clock.instant())))
			.getDeletedCount();
	}

	private Document document(MongoSession session) {
		Document attributes = new Document();
		session.attributes()
			.forEach((name, value) -> attributes.append(fieldName(name), new Binary(SessionAttributes.write(name, value))));
		return new Document("_id", hash(session.getId())).append("createdAt", Date.from(session.getCreationTime()))
			.append("lastAccessedAt", Date.from(session.getLastAccessedTime()))
			.append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
			.append("expiresAt", Date.from(session.expiresAt()))
			.append("attributes", attributes);
	}

	private MongoCollection<Document> sessions() {
		return this.mongo.getCollection(COLLECTION);
	}

	private String newId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String id) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Attribute names such as Spring's flash-map key contain dots, which field names may not. */
	static String fieldName(String attribute) {
		return attribute.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
	}

	static String attributeName(String field) {
		return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
	}

}
