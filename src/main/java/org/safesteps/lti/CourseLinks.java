package org.safesteps.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.safesteps.content.Band;

/**
 * The {@code lti_links} collection: which SafeSteps class belongs to a platform course (one class
 * per registration, course and band, so one course can hold links for different ages). The id is a
 * hash of those three, so two first launches at once cannot make two links: the second insert fails
 * on the id and uses the first one's class.
 */
@Component
public class CourseLinks {

	private static final String COLLECTION = "lti_links";

	private final MongoTemplate mongo;

	private final Clock clock;

	CourseLinks(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The course a class is linked to, as "course title (platform name)", for the class page. */
	public Optional<String> courseOf(String classId) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where("classId").is(classId)), Document.class,
				COLLECTION))
			.map((link) -> link.getString("courseTitle") + " (" + link.getString("platformName") + ")");
	}

	Optional<String> classFor(Registration registration, String contextId, Band band) {
		return Optional.ofNullable(this.mongo.findById(id(registration, contextId, band), Document.class, COLLECTION))
			.map((link) -> link.getString("classId"));
	}

	/**
	 * Links the class, unless another launch linked one first.
	 * @return the class now linked: {@code classId}, or the one that was first
	 */
	String link(Registration registration, String contextId, Band band, String courseTitle, String classId) {
		String id = id(registration, contextId, band);
		try {
			this.mongo.insert(new Document("_id", id).append("classId", classId)
				.append("registrationId", registration.id())
				.append("platformName", registration.name())
				.append("courseTitle", courseTitle)
				.append("createdAt", Date.from(this.clock.instant())), COLLECTION);
			return classId;
		}
		catch (DuplicateKeyException ex) {
			return classFor(registration, contextId, band).orElse(classId);
		}
	}

	/** Points the link at another class (its class was deleted in SafeSteps). */
	void relink(Registration registration, String contextId, Band band, String classId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id(registration, contextId, band))),
				Update.update("classId", classId), COLLECTION);
	}

	private static String id(Registration registration, String contextId, Band band) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((registration.id() + "\n" + contextId + "\n" + band.id()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
