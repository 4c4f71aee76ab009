package org.safesteps.lti;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code lti_registrations} collection; (issuer, client id) is unique by index. */
@Component
class Registrations {

	private final MongoTemplate mongo;

	private final Clock clock;

	Registrations(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	List<Registration> all() {
		return this.mongo.find(new Query().with(Sort.by("name", "issuer")), Registration.class);
	}

	Optional<Registration> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Registration.class));
	}

	/** The registrations of an issuer (a platform may register the tool more than once, each with its client id). */
	List<Registration> forIssuer(String issuer) {
		return this.mongo.find(Query.query(Criteria.where("issuer").is(issuer)), Registration.class);
	}

	Optional<Registration> find(String issuer, String clientId) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("issuer").is(issuer).and("clientId").is(clientId)), Registration.class));
	}

	/**
	 * @throws DuplicateKeyException when this issuer and client id are registered already
	 */
	Registration create(RegistrationForm form) {
		return this.mongo.insert(form.toRegistration(null, true, this.clock.instant()));
	}

	/**
	 * @throws DuplicateKeyException when another registration has this issuer and client id
	 */
	Optional<Registration> update(String id, RegistrationForm form) {
		return findById(id).map((old) -> this.mongo.save(form.toRegistration(id, old.enabled(), old.createdAt())));
	}

	boolean setEnabled(String id, boolean enabled) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("enabled", enabled),
				Registration.class).getMatchedCount() > 0;
	}

	boolean delete(String id) {
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), Registration.class).getDeletedCount() > 0;
	}

}
