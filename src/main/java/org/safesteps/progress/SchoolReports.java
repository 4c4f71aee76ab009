package org.safesteps.progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What an admin sees about the whole school: per class and assigned module, how many learners
 * completed it and their average best score, and the same per module over every class that has it
 * assigned. Two pipelines whatever the number of classes: learners counted per class (by the
 * {@link ClassRoster}, the learner module's), and progress grouped per (class, module) in a
 * {@code $facet} beside a per-class count of active learners. Both read every class's documents
 * ({@code classId} set: self-learners are left out), which on a real MongoDB the
 * {@code learners.class} and {@code progress.class_module} indexes (storage/Indexes) serve.
 */
@Component
public class SchoolReports {

	private static final String KEY_SEPARATOR = "\u001f";

	private final MongoTemplate mongo;

	private final ClassRoster roster;

	public SchoolReports(MongoTemplate mongo, ClassRoster roster) {
		this.mongo = mongo;
		this.roster = roster;
	}

	/**
	 * The figures for these classes.
	 *
	 * @param assigned class id to the ids of the modules assigned to it, in the class's order
	 */
	public School school(Map<String, List<String>> assigned) {
		if (assigned.isEmpty()) {
			return new School(List.of(), List.of());
		}
		Map<String, Integer> learners = this.roster.classSizes();

		// Every class's progress in one pass: the school view asks for all classes, and a $match on
		// "in class" is far cheaper than $in over every class id on the embedded server (it compares
		// each document with each id). Groups of classes not asked for are skipped below. The group
		// key is one string: the embedded server keeps groups in a sorted map, where document keys
		// compare slowly.
		List<Bson> pipeline = List.of(Aggregates.match(Filters.ne("classId", null)),
				Aggregates.facet(new Facet("modules",
						Aggregates.group(new Document("$concat", List.of("$classId", KEY_SEPARATOR, "$moduleId")),
								Accumulators.first("classId", "$classId"), Accumulators.first("moduleId", "$moduleId"),
								Accumulators.sum("started", 1),
								Accumulators.sum("completed", when(new Document("$gt", Arrays.asList("$completedAt", null)))),
								// $gte against 0 is false for null and missing: only learners with a score count
								Accumulators.sum("scored", when(new Document("$gte", List.of("$bestScore", 0)))),
								Accumulators.sum("scoreSum", "$bestScore"))),
						new Facet("active", Aggregates.group("$classId", Accumulators.addToSet("learners", "$learnerId")))));
		Map<String, Map<String, Document>> groups = new HashMap<>();
		Map<String, Integer> active = new LinkedHashMap<>();
		for (Document facets : aggregate("progress", pipeline)) {
			for (Document group : facets.getList("modules", Document.class, List.of())) {
				groups.computeIfAbsent(group.getString("classId"), (id) -> new HashMap<>())
					.put(group.getString("moduleId"), group);
			}
			for (Document group : facets.getList("active", Document.class, List.of())) {
				active.put(group.getString("_id"), group.getList("learners", Object.class, List.of()).size());
			}
		}

		List<ClassFigures> classes = new ArrayList<>();
		Map<String, ModuleFigures> modules = new LinkedHashMap<>();
		Set<String> moduleOrder = new LinkedHashSet<>();
		for (Map.Entry<String, List<String>> entry : assigned.entrySet()) {
			String classId = entry.getKey();
			int size = learners.getOrDefault(classId, 0);
			List<ModuleFigures> figures = new ArrayList<>();
			for (String moduleId : entry.getValue()) {
				Document group = groups.getOrDefault(classId, Map.of()).get(moduleId);
				ModuleFigures one = (group == null) ? new ModuleFigures(moduleId, size, 0, 0, 0, 0)
						: new ModuleFigures(moduleId, size, number(group, "started"), number(group, "completed"),
								number(group, "scored"), number(group, "scoreSum"));
				figures.add(one);
				moduleOrder.add(moduleId);
				modules.merge(moduleId, one, ModuleFigures::plus);
			}
			classes.add(new ClassFigures(classId, size, active.getOrDefault(classId, 0), figures));
		}
		return new School(classes, moduleOrder.stream().map(modules::get).toList());
	}

	private static Document when(Document condition) {
		return new Document("$cond", List.of(condition, 1, 0));
	}

	private List<Document> aggregate(String collection, List<Bson> pipeline) {
		return this.mongo.getCollection(collection).aggregate(pipeline).into(new ArrayList<>());
	}

	private static int number(Document document, String field) {
		return (document.get(field) instanceof Number value) ? value.intValue() : 0;
	}

	/** The school: each class (in the order asked) and each module assigned anywhere. */
	public record School(List<ClassFigures> classes, List<ModuleFigures> modules) {

		public School {
			classes = List.copyOf(classes);
			modules = List.copyOf(modules);
		}

		public int learners() {
			return this.classes.stream().mapToInt(ClassFigures::learners).sum();
		}

	}

	/**
	 * One class.
	 *
	 * @param active learners who have started at least one module
	 * @param modules its assigned modules, in the class's order
	 */
	public record ClassFigures(String classId, int learners, int active, List<ModuleFigures> modules) {

		public ClassFigures {
			modules = List.copyOf(modules);
		}

	}

	/**
	 * One module for a class, or summed over the classes that have it assigned.
	 *
	 * @param learners the learners it is assigned to
	 * @param scored learners with a best score (they submitted the quiz)
	 * @param scoreSum the sum of those best scores
	 */
	public record ModuleFigures(String moduleId, int learners, int started, int completed, int scored, int scoreSum) {

		/** Completed share, 0-100. */
		public int percentCompleted() {
			return (this.learners == 0) ? 0 : Math.round(100f * this.completed / this.learners);
		}

		/** Whether the completed share is over too few learners to show (see {@link PrivacyFloor}). */
		public boolean hidden() {
			return PrivacyFloor.hides(this.learners);
		}

		/** Whether the average best score is over too few learners to show. */
		public boolean averageHidden() {
			return this.scored > 0 && PrivacyFloor.hides(this.scored);
		}

		/** The average best score, 0-100, or null when nobody has a score yet. */
		public Integer averageBestScore() {
			return (this.scored == 0) ? null : Math.round((float) this.scoreSum / this.scored);
		}

		ModuleFigures plus(ModuleFigures other) {
			return new ModuleFigures(this.moduleId, this.learners + other.learners, this.started + other.started,
					this.completed + other.completed, this.scored + other.scored, this.scoreSum + other.scoreSum);
		}

	}

}
