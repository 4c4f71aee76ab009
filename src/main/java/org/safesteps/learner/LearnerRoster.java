package org.safesteps.learner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.safesteps.progress.ClassReports;
import org.safesteps.progress.ClassRoster;

/**
 * The class lists the teachers' reports show, read from the {@code learners} collection this module
 * owns: pseudonyms only (fields as in docs/data.md). One query per class list, one pipeline for the
 * sizes of every class (served on MongoDB by the {@code learners.class} index, storage/Indexes).
 */
@Component
class LearnerRoster implements ClassRoster {

	private final MongoTemplate mongo;

	LearnerRoster(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<ClassReports.LearnerRef> learners(String classId) {
		List<ClassReports.LearnerRef> learners = new ArrayList<>();
		for (Document learner : this.mongo.getCollection("learners")
			.find(Filters.eq("classId", classId))
			.projection(Projections.include("pseudonym"))) {
			learners.add(ref(learner));
		}
		return learners;
	}

	@Override
	public Optional<ClassReports.LearnerRef> learner(String classId, String pseudonym) {
		Document learner = this.mongo.getCollection("learners")
			.find(Filters.and(Filters.eq("classId", classId), Filters.eq("pseudonym", pseudonym)))
			.projection(Projections.include("pseudonym"))
			.first();
		return Optional.ofNullable(learner).map(LearnerRoster::ref);
	}

	@Override
	public Map<String, Integer> classSizes() {
		Map<String, Integer> sizes = new LinkedHashMap<>();
		for (Document group : this.mongo.getCollection("learners")
			.aggregate(List.of(Aggregates.match(Filters.ne("classId", null)),
					Aggregates.group("$classId", Accumulators.sum("count", 1))))) {
			sizes.put(group.getString("_id"), (group.get("count") instanceof Number count) ? count.intValue() : 0);
		}
		return sizes;
	}

	@Override
	public Set<String> present(Collection<String> learnerIds) {
		Set<String> present = new HashSet<>();
		for (Document learner : this.mongo.getCollection("learners")
			.find(Filters.in("_id", learnerIds))
			.projection(Projections.include("_id"))) {
			present.add(learner.getString("_id"));
		}
		return present;
	}

	private static ClassReports.LearnerRef ref(Document learner) {
		return new ClassReports.LearnerRef(learner.getString("_id"), learner.getString("pseudonym"));
	}

}
