package org.safesteps.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code lti_line_items} collection: for each platform resource link whose launches carried an
 * Assignment and Grade Services endpoint, where its scores go (the line item URL, the line items
 * container, the scopes granted), the class and module it opens. A course's links, never a person:
 * the id is a hash of (registration, resource link id), refreshed on every launch.
 */
@Component
class LineItems {

	private static final String COLLECTION = "lti_line_items";

	/** Where one link's scores go. */
	record LineItem(String id, String registrationId, String classId, String moduleId, String url) {
	}

	private final MongoTemplate mongo;

	private final Clock clock;

	LineItems(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Records (or refreshes) the link's endpoint; returns the line item's id. */
	String save(Registration registration, String resourceLinkId, String classId, String moduleId,
			Launch.GradeEndpoint endpoint) {
		String id = id(registration.id(), resourceLinkId);
		Update update = new Update().set("registrationId", registration.id())
			.set("classId", classId)
			.set("moduleId", moduleId)
			.set("lineItem", endpoint.lineItem().orElse(null))
			.set("lineItems", endpoint.lineItems().orElse(null))
			.set("scopes", List.copyOf(endpoint.scopes()))
			.set("updatedAt", Date.from(this.clock.instant()));
		this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
				FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION);
		return id;
	}

	Optional<LineItem> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION))
			.filter((found) -> found.getString("lineItem") != null)
			.map((found) -> new LineItem(found.getString("_id"), found.getString("registrationId"),
					found.getString("classId"), found.getString("moduleId"), found.getString("lineItem")));
	}

	/** The line items of a registration that was deleted. */
	void forget(String registrationId) {
		this.mongo.remove(Query.query(Criteria.where("registrationId").is(registrationId)), COLLECTION);
	}

	private static String id(String registrationId, String resourceLinkId) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest((registrationId + "\n" + resourceLinkId).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
