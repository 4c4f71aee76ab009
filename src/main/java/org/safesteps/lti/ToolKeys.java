package org.safesteps.lti;

import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The tool's own secrets in {@code lti_keys}: RSA signing keys (made on first use; the newest
 * active one signs; a rotated-out key stays published for {@link LtiProperties#retiredKeyKept}) and
 * the keys of the keyed hash that finds a learner again and of the seal on queued scores' user ids. The private parts are only ever read here
 * and never leave the server: pages, logs and the key set show public parts only.
 */
@Component
class ToolKeys {

	private static final String COLLECTION = "lti_keys";

	/** The one document that is not a signing key: the secret of the learner hash. */
	private static final String HASH_KEY_ID = "learner-hash-key";

	/** The key that seals platform user ids waiting in the score queue. */
	private static final String SEALING_KEY_ID = "score-sealing-key";

	private static final int RSA_BITS = 2048;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final LtiProperties properties;

	ToolKeys(MongoTemplate mongo, Clock clock, LtiProperties properties) {
		this.mongo = mongo;
		this.clock = clock;
		this.properties = properties;
	}

	/** The public keys platforms may verify our signatures with: the active key and recently retired ones. */
	JWKSet publicKeys() {
		Instant keptSince = this.clock.instant().minus(this.properties.retiredKeyKept());
		List<JWK> keys = signingKeys().stream()
			.filter((key) -> key.retiredAt() == null || key.retiredAt().isAfter(keptSince))
			.map((key) -> (JWK) key.jwk().toPublicJWK())
			.toList();
		return new JWKSet(keys.isEmpty() ? List.of(active().toPublicJWK()) : keys);
	}

	/** Signs claims with the active key, its kid in the header. */
	String sign(JWTClaimsSet claims) {
		RSAKey key = active();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
			.type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing with the tool key failed", ex);
		}
		return jwt.serialize();
	}

	/**
	 * Starts signing with a new key. The old one stays published for a while, so what it signed
	 * just before is still accepted.
	 */
	void rotate() {
		RSAKey fresh = generate();
		Instant now = this.clock.instant();
		this.mongo.updateMulti(Query.query(Criteria.where("kind").is("rsa").and("retiredAt").is(null)
			.and("_id").ne(fresh.getKeyID())), Update.update("retiredAt", now), COLLECTION);
	}

	/** The kid of the signing key in use, for the admin page. */
	String activeKeyId() {
		return active().getKeyID();
	}

	/** The secret of the keyed learner hash, made once and shared by every instance. */
	byte[] learnerHashKey() {
		return secret(HASH_KEY_ID, "hmac");
	}

	/**
	 * The AES-256 key that seals a platform's user id while a score waits to be sent (in the
	 * learner's grade cookie and in the score queue), made once and shared by every instance.
	 */
	byte[] sealingKey() {
		return secret(SEALING_KEY_ID, "aes");
	}

	private byte[] secret(String id, String kind) {
		Document found = this.mongo.findById(id, Document.class, COLLECTION);
		if (found == null) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			try {
				this.mongo.insert(new Document("_id", id).append("kind", kind)
					.append("secret", Base64.getEncoder().encodeToString(secret)), COLLECTION);
			}
			catch (DuplicateKeyException ex) {
				// another instance made it first: use theirs
			}
			found = this.mongo.findById(id, Document.class, COLLECTION);
		}
		return Base64.getDecoder().decode(found.getString("secret"));
	}

	private RSAKey active() {
		return signingKeys().stream()
			.filter((key) -> key.retiredAt() == null)
			.max(Comparator.comparing(StoredKey::createdAt))
			.map(StoredKey::jwk)
			.orElseGet(this::generate);
	}

	private RSAKey generate() {
		try {
			RSAKey key = new RSAKeyGenerator(RSA_BITS).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.issueTime(Date.from(this.clock.instant()))
				.generate();
			this.mongo.insert(new Document("_id", key.getKeyID()).append("kind", "rsa")
				.append("jwk", key.toJSONString())
				.append("createdAt", Date.from(this.clock.instant()))
				.append("retiredAt", null), COLLECTION);
			return key;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate an RSA key", ex);
		}
	}

	private List<StoredKey> signingKeys() {
		return this.mongo.find(Query.query(Criteria.where("kind").is("rsa")), Document.class, COLLECTION)
			.stream()
			.map(StoredKey::of)
			.toList();
	}

	private record StoredKey(RSAKey jwk, Instant createdAt, Instant retiredAt) {

		static StoredKey of(Document document) {
			try {
				Date retired = document.getDate("retiredAt");
				return new StoredKey(RSAKey.parse(document.getString("jwk")), document.getDate("createdAt").toInstant(),
						(retired == null) ? null : retired.toInstant());
			}
			catch (ParseException ex) {
				throw new IllegalStateException("A stored tool key cannot be read", ex);
			}
		}

	}

}
