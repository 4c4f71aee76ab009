package org.safesteps.classroom;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code assignments} collection: one document per (class, module), unique. What learners see
 * of it comes from a short-lived per-class cache (see {@link #forLearnersOf}).
 */
@Component
public class AssignmentStore {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final LearnerView<List<Assignment>> learnerView = new LearnerView<>();

	public AssignmentStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * The class's assignments as its learners see them, at most {@link LearnerView#TTL} old: every
	 * learner of a class reads the same list on every visit to {@code /learn}, so one query serves
	 * them all. Teacher pages read {@link #forClass} directly.
	 */
	public List<Assignment> forLearnersOf(String classId) {
		return this.learnerView.get(classId, (id) -> List.copyOf(forClass(id)));
	}

	public List<Assignment> forClass(String classId) {
		return this.mongo.find(Query.query(Criteria.where("classId").is(classId)).with(Sort.by("position", "assignedAt")),
				Assignment.class);
	}

	/** Every assignment of every class, in each class's order: one query for the admins' school view. */
	public List<Assignment> all() {
		return this.mongo.find(new Query().with(Sort.by("classId", "position", "assignedAt")), Assignment.class);
	}

	/** Assigns, or updates the due date if already assigned: one atomic upsert, no duplicates. */
	public Assignment assign(String classId, String moduleId, LocalDate dueOn, int position) {
		Query query = Query.query(Criteria.where("classId").is(classId).and("moduleId").is(moduleId));
		Update update = new Update().set("dueOn", dueOn)
			.setOnInsert("position", position)
			.setOnInsert("assignedAt", this.clock.instant());
		Assignment assigned = this.mongo.findAndModify(query, update,
				FindAndModifyOptions.options().upsert(true).returnNew(true), Assignment.class);
		changed(classId);
		return assigned;
	}

	public void unassign(String classId, String moduleId) {
		this.mongo.remove(Query.query(Criteria.where("classId").is(classId).and("moduleId").is(moduleId)),
				Assignment.class);
		changed(classId);
	}

	public void setPosition(String classId, String moduleId, int position) {
		this.mongo.updateFirst(Query.query(Criteria.where("classId").is(classId).and("moduleId").is(moduleId)),
				Update.update("position", position), Assignment.class);
		changed(classId);
	}

	/** The position after the last assignment: a new assignment goes to the end of the list. */
	public int nextPosition(String classId) {
		return forClass(classId).stream().mapToInt(Assignment::position).max().orElse(-1) + 1;
	}

	/**
	 * Moves an assignment one place up ({@code -1}) or down ({@code +1}) by renumbering the list.
	 * Two teachers reordering at the same moment can only produce another valid order.
	 */
	public void move(String classId, String moduleId, int direction) {
		List<Assignment> order = new java.util.ArrayList<>(forClass(classId));
		int from = -1;
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).moduleId().equals(moduleId)) {
				from = i;
			}
		}
		int to = from + Integer.signum(direction);
		if (from < 0 || to < 0 || to >= order.size()) {
			return;
		}
		java.util.Collections.swap(order, from, to);
		for (int i = 0; i < order.size(); i++) {
			if (order.get(i).position() != i) {
				setPosition(classId, order.get(i).moduleId(), i);
			}
		}
	}

	public void deleteClass(String classId) {
		this.mongo.remove(Query.query(Criteria.where("classId").is(classId)), Assignment.class);
		changed(classId);
	}

	private void changed(String classId) {
		this.learnerView.changed(classId);
	}

}
