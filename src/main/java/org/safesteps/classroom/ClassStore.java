package org.safesteps.classroom;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.safesteps.content.Band;

/**
 * The {@code classes} collection. A join code is unique (unique index); collisions retry. A class
 * marked deleted ({@link ClassDeletion}) is found by no lookup here, only by the deletion itself.
 */
@Component
public class ClassStore {

	private static final int CODE_ATTEMPTS = 10;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final LearnerView<Optional<String>> languages = new LearnerView<>();

	/** Matches classes that are not being deleted (the field is absent on every live class). */
	private static Criteria live() {
		return Criteria.where("deleted").ne(true);
	}

	public ClassStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	public SchoolClass create(String name, Band band, String ownerId) {
		return create(name, band, ownerId, SchoolClass.DEFAULT_LANGUAGE);
	}

	public SchoolClass create(String name, Band band, String ownerId, String language) {
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			SchoolClass created = new SchoolClass(null, name.strip(), band, ownerId, List.of(ownerId),
					JoinCode.random().value(), true, this.clock.instant(), language);
			try {
				return this.mongo.insert(created);
			}
			catch (DuplicateKeyException ex) {
				// another class has this code; draw again
			}
		}
		throw new IllegalStateException("Could not find a free join code");
	}

	/**
	 * The language a class's learners read in, asked on every learner page: at most
	 * {@link LearnerView#TTL} old, and only that field is read.
	 */
	public Optional<String> languageOf(String classId) {
		return this.languages.get(classId, this::readLanguage);
	}

	private Optional<String> readLanguage(String classId) {
		Query query = Query.query(Criteria.where("_id").is(classId).andOperator(live()));
		query.fields().include("language");
		Document found = this.mongo.findOne(query, Document.class, "classes");
		return Optional.ofNullable(found).map((document) -> document.getString("language"));
	}

	public Optional<SchoolClass> changeLanguage(String classId, String language) {
		Optional<SchoolClass> changed = Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(classId)), Update.update("language", language),
				FindAndModifyOptions.options().returnNew(true), SchoolClass.class));
		this.languages.changed(classId);
		return changed;
	}

	public Optional<SchoolClass> findById(String id) {
		return Optional.ofNullable(this.mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(live())),
				SchoolClass.class));
	}

	/** The class only if this teacher teaches it: a guessed id of someone else's class finds nothing. */
	public Optional<SchoolClass> findForTeacher(String classId, String accountId) {
		return Optional.ofNullable(this.mongo.findOne(
				Query.query(Criteria.where("_id").is(classId).and("teacherIds").is(accountId).andOperator(live())),
				SchoolClass.class));
	}

	/**
	 * What a child typing this code joins: read with the driver and only the two fields a join needs,
	 * because every child of a school does this at 9:00, and mapping the whole class through Spring
	 * Data's converter was about 40% of a join's handler time (docs/performance.md).
	 */
	public Optional<Joinable> findByJoinCode(JoinCode code) {
		Document found = this.mongo.getCollection("classes")
			.find(Filters.and(Filters.eq("joinCode", code.value()), Filters.ne("deleted", true)))
			.projection(Projections.include("band", "open"))
			.first();
		return Optional.ofNullable(found)
			// Spring Data stores a class's generated id as an ObjectId and hands it out as its hex string
			.map((document) -> new Joinable(String.valueOf(document.get("_id")), Band.valueOf(document.getString("band")),
					document.getBoolean("open", false)));
	}

	/** The class a join code opens: its id, its band and whether it takes new learners. */
	public record Joinable(String classId, Band band, boolean open) {
	}

	public List<SchoolClass> taughtBy(String accountId) {
		return this.mongo.find(Query.query(Criteria.where("teacherIds").is(accountId).andOperator(live()))
			.with(Sort.by("createdAt").descending()), SchoolClass.class);
	}

	/** Every class of the school, by name: the admins' school view. */
	public List<SchoolClass> all() {
		return this.mongo.find(Query.query(live()).with(Sort.by("name", "createdAt")), SchoolClass.class);
	}

	public Optional<SchoolClass> regenerateCode(String classId) {
		for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
			try {
				return Optional.ofNullable(this.mongo.findAndModify(Query.query(Criteria.where("_id").is(classId)),
						Update.update("joinCode", JoinCode.random().value()), FindAndModifyOptions.options().returnNew(true),
						SchoolClass.class));
			}
			catch (DuplicateKeyException ex) {
				// collision with another class's code; draw again
			}
		}
		throw new IllegalStateException("Could not find a free join code");
	}

	public void setOpen(String classId, boolean open) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(classId)), Update.update("open", open),
				SchoolClass.class);
	}

	public void addTeacher(String classId, String accountId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(classId)),
				new Update().addToSet("teacherIds", accountId), SchoolClass.class);
	}

	/** Removes a co-teacher; the owner cannot be removed (the query never matches them). */
	public void removeTeacher(String classId, String accountId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(classId).and("ownerId").ne(accountId)),
				new Update().pull("teacherIds", accountId), SchoolClass.class);
	}

	/**
	 * The first step of deleting a class: marks it, if this account owns it, so that it disappears
	 * from every page at once (co-teachers manage a class but cannot delete it). True also for a
	 * class already marked, so a retry carries on.
	 */
	boolean markDeleted(String classId, String ownerId) {
		boolean marked = this.mongo.updateFirst(Query.query(Criteria.where("_id").is(classId).and("ownerId").is(ownerId)),
				Update.update("deleted", true), SchoolClass.class).getMatchedCount() > 0;
		this.languages.changed(classId);
		return marked;
	}

	/** Classes of this owner whose deletion began but did not finish. */
	List<String> markedDeleted(String ownerId) {
		Query query = Query.query(Criteria.where("ownerId").is(ownerId).and("deleted").is(true));
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, "classes").stream()
			.map((found) -> String.valueOf(found.get("_id")))
			.toList();
	}

	/** The last step of deleting a class, once nothing else refers to it. */
	public void delete(String classId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(classId)), SchoolClass.class);
		this.languages.changed(classId);
	}

}
