package org.safesteps.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Facet;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What a teacher sees about a class, aggregated in MongoDB from {@code learners}, {@code progress}
 * and {@code attempts} (fields as in docs/data.md). Only {@code $match}, {@code $group},
 * {@code $lookup}, {@code $unwind} and {@code $facet}: the embedded server has no window stages.
 * Each pipeline starts with a {@code $match} on {@code classId}, which the (classId, moduleId)
 * indexes serve; a class page costs a fixed handful of pipelines whatever its number of modules.
 */
@Component
public class ClassReports {

	private final MongoTemplate mongo;

	public ClassReports(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The learners of a class, by pseudonym. */
	public List<LearnerRef> learners(String classId) {
		List<LearnerRef> learners = new ArrayList<>();
		for (Document learner : aggregate("learners", List.of(Aggregates.match(Filters.eq("classId", classId)),
				Aggregates.group("$_id", Accumulators.first("pseudonym", "$pseudonym"))))) {
			learners.add(new LearnerRef(learner.getString("_id"), learner.getString("pseudonym")));
		}
		learners.sort(Comparator.comparing(LearnerRef::pseudonym, String.CASE_INSENSITIVE_ORDER));
		return learners;
	}

	/** Every learner of the class against each module (in the given order), with state and best score. */
	public Matrix matrix(String classId, List<String> moduleIds) {
		// two index-served $match pipelines joined here rather than a $lookup per learner: the
		// embedded server answers each $lookup by scanning the whole progress collection
		Map<String, Map<String, Cell>> cells = new HashMap<>();
		for (Document progress : aggregate("progress", List.of(Aggregates.match(
				Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds)))))) {
			cells.computeIfAbsent(progress.getString("learnerId"), (id) -> new HashMap<>())
				.put(progress.getString("moduleId"), cell(progress));
		}
		List<Row> rows = new ArrayList<>();
		for (LearnerRef learner : learners(classId)) {
			Map<String, Cell> ordered = new LinkedHashMap<>();
			Map<String, Cell> found = cells.getOrDefault(learner.id(), Map.of());
			for (String moduleId : moduleIds) {
				ordered.put(moduleId, found.getOrDefault(moduleId, Cell.notStarted(moduleId)));
			}
			rows.add(new Row(learner, ordered));
		}
		return new Matrix(List.copyOf(moduleIds), rows);
	}

	/** Per module: how many learners of the class started it and how many completed it. */
	public List<ModuleCompletion> completion(String classId, List<String> moduleIds) {
		int learners = learners(classId).size();
		Map<String, Document> counts = new HashMap<>();
		for (Document group : aggregate("progress", List.of(
				Aggregates.match(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds))),
				Aggregates.group("$moduleId", Accumulators.sum("started", 1), Accumulators.sum("completed",
						new Document("$cond", List.of(new Document("$gt", Arrays.asList("$completedAt", null)), 1, 0))))))) {
			counts.put(group.getString("_id"), group);
		}
		List<ModuleCompletion> found = new ArrayList<>();
		for (String moduleId : moduleIds) {
			Document group = counts.get(moduleId);
			found.add(new ModuleCompletion(moduleId, learners, (group == null) ? 0 : number(group, "started"),
					(group == null) ? 0 : number(group, "completed")));
		}
		return List.copyOf(found);
	}

	/**
	 * Per question of a module: how many learners answered, how many got it right, and how many
	 * chose each option; most-missed first. Each learner counts once, with their first attempt:
	 * what the class knew after the lesson, before the quiz feedback showed the answers.
	 */
	public List<QuestionShares> questions(String classId, String moduleId) {
		return questions(classId, List.of(moduleId)).getOrDefault(moduleId, List.of());
	}

	/**
	 * {@link #questions(String, String)} for several modules at once, keyed by module id: one pipeline
	 * (one pass over the class's attempts) whatever the number of modules.
	 */
	public Map<String, List<QuestionShares>> questions(String classId, List<String> moduleIds) {
		List<Bson> pipeline = List.of(
				Aggregates.match(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds))),
				// $min over {createdAt, answers} compares createdAt first: the earliest attempt wins
				Aggregates.group(new Document("learnerId", "$learnerId").append("moduleId", "$moduleId"),
						Accumulators.min("first", new Document("createdAt", "$createdAt").append("answers", "$answers"))),
				Aggregates.unwind("$first.answers"),
				Aggregates.facet(
						new Facet("questions",
								Aggregates.group(
										new Document("module", "$_id.moduleId").append("question",
												"$first.answers.questionId"),
										Accumulators.sum("answered", 1),
										Accumulators.sum("correct", new Document("$cond",
												List.of(new Document("$eq", List.of("$first.answers.correct", true)), 1, 0))))),
						new Facet("options", Aggregates.unwind("$first.answers.chosen"),
								Aggregates.group(new Document("module", "$_id.moduleId")
									.append("question", "$first.answers.questionId")
									.append("option", "$first.answers.chosen"), Accumulators.sum("learners", 1)))));
		Map<String, Map<String, Map<String, Integer>>> chosen = new HashMap<>();
		Map<String, List<QuestionShares>> byModule = new LinkedHashMap<>();
		for (String moduleId : moduleIds) {
			byModule.put(moduleId, new ArrayList<>());
		}
		for (Document facets : aggregate("attempts", pipeline)) {
			for (Document option : facets.getList("options", Document.class, List.of())) {
				Document key = option.get("_id", Document.class);
				chosen.computeIfAbsent(key.getString("module"), (m) -> new HashMap<>())
					.computeIfAbsent(key.getString("question"), (q) -> new TreeMap<>())
					.put(key.getString("option"), number(option, "learners"));
			}
			for (Document question : facets.getList("questions", Document.class, List.of())) {
				Document key = question.get("_id", Document.class);
				String moduleId = key.getString("module");
				String questionId = key.getString("question");
				byModule.computeIfAbsent(moduleId, (m) -> new ArrayList<>())
					.add(new QuestionShares(questionId, number(question, "answered"), number(question, "correct"),
							chosen.getOrDefault(moduleId, Map.of()).getOrDefault(questionId, Map.of())));
			}
		}
		Map<String, List<QuestionShares>> sorted = new LinkedHashMap<>();
		byModule.forEach((moduleId, questions) -> {
			questions.sort(Comparator.comparingDouble(QuestionShares::missedShare)
				.reversed()
				.thenComparing(QuestionShares::questionId));
			sorted.put(moduleId, List.copyOf(questions));
		});
		return sorted;
	}

	/** One learner of the class, found by pseudonym, with their progress and every attempt. */
	public Optional<LearnerReport> learner(String classId, String pseudonym) {
		List<Bson> pipeline = List.of(
				Aggregates.match(Filters.and(Filters.eq("classId", classId), Filters.eq("pseudonym", pseudonym))),
				Aggregates.lookup("progress", "_id", "learnerId", "progress"),
				Aggregates.lookup("attempts", "_id", "learnerId", "attempts"));
		List<Document> found = aggregate("learners", pipeline);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Document learner = found.get(0);
		List<Cell> progress = new ArrayList<>();
		for (Document line : learner.getList("progress", Document.class, List.of())) {
			progress.add(cell(line));
		}
		List<AttemptLine> attempts = new ArrayList<>();
		for (Document attempt : learner.getList("attempts", Document.class, List.of())) {
			Map<String, Boolean> answers = new LinkedHashMap<>();
			for (Document answer : attempt.getList("answers", Document.class, List.of())) {
				answers.put(answer.getString("questionId"), Boolean.TRUE.equals(answer.getBoolean("correct")));
			}
			attempts.add(new AttemptLine(attempt.getString("moduleId"), number(attempt, "score"),
					number(attempt, "correctCount"), number(attempt, "questionCount"), instant(attempt, "createdAt"),
					answers));
		}
		attempts.sort(Comparator.comparing(AttemptLine::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
		return Optional.of(new LearnerReport(new LearnerRef(learner.getString("_id"), learner.getString("pseudonym")),
				progress, attempts));
	}

	private List<Document> aggregate(String collection, List<Bson> pipeline) {
		return this.mongo.getCollection(collection).aggregate(pipeline).into(new ArrayList<>());
	}

	private static Cell cell(Document progress) {
		int step = number(progress, "stepReached");
		int steps = number(progress, "stepsTotal");
		boolean completed = progress.get("completedAt") != null;
		Object best = progress.get("bestScore");
		return new Cell(progress.getString("moduleId"), completed ? State.COMPLETED : State.IN_PROGRESS,
				Math.min(step + 1, Math.max(steps, 1)), steps,
				(best instanceof Number score) ? score.intValue() : null, number(progress, "attempts"));
	}

	private static int number(Document document, String field) {
		return (document.get(field) instanceof Number value) ? value.intValue() : 0;
	}

	private static Instant instant(Document document, String field) {
		return (document.get(field) instanceof Date date) ? date.toInstant() : null;
	}

	/** A learner as a teacher knows them: by pseudonym. */
	public record LearnerRef(String id, String pseudonym) {
	}

	/** Where a learner is in a module. */
	public enum State {
		NOT_STARTED, IN_PROGRESS, COMPLETED
	}

	/**
	 * One learner in one module.
	 *
	 * @param step the step reached, counted from 1 ("step 2 of 5")
	 * @param bestScore 0-100, or null before the first quiz
	 */
	public record Cell(String moduleId, State state, int step, int steps, Integer bestScore, int attempts) {

		static Cell notStarted(String moduleId) {
			return new Cell(moduleId, State.NOT_STARTED, 0, 0, null, 0);
		}

	}

	/** A learner's cells, keyed by module id in the order of the assignments. */
	public record Row(LearnerRef learner, Map<String, Cell> cells) {

		public Row {
			cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
		}

	}

	/** Learners (rows) by assigned modules (columns). */
	public record Matrix(List<String> moduleIds, List<Row> rows) {

		public Matrix {
			moduleIds = List.copyOf(moduleIds);
			rows = List.copyOf(rows);
		}

	}

	/** How far a class got with one module. */
	public record ModuleCompletion(String moduleId, int learners, int started, int completed) {

		/** Completed share, 0-100. */
		public int percent() {
			return (this.learners == 0) ? 0 : Math.round(100f * this.completed / this.learners);
		}

	}

	/**
	 * One question: learners who answered it, answered it right, and chose each option.
	 *
	 * @param chosenBy option id to the number of learners who chose it
	 */
	public record QuestionShares(String questionId, int answered, int correct, Map<String, Integer> chosenBy) {

		public QuestionShares {
			chosenBy = Map.copyOf(chosenBy);
		}

		/** The share of learners who got it wrong, 0-1. */
		public double missedShare() {
			return (this.answered == 0) ? 0 : (double) (this.answered - this.correct) / this.answered;
		}

		/** The share of learners who chose an option, 0-100. */
		public int percentChoosing(String optionId) {
			return (this.answered == 0) ? 0 : Math.round(100f * this.chosenBy.getOrDefault(optionId, 0) / this.answered);
		}

		public int percentCorrect() {
			return (this.answered == 0) ? 0 : Math.round(100f * this.correct / this.answered);
		}

	}

	/** One quiz attempt of a learner: score and, per question, right or wrong. */
	public record AttemptLine(String moduleId, int score, int correctCount, int questionCount, Instant createdAt,
			Map<String, Boolean> answers) {

		public AttemptLine {
			answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
		}

	}

	/** The drill-down for one learner. */
	public record LearnerReport(LearnerRef learner, List<Cell> progress, List<AttemptLine> attempts) {

		public LearnerReport {
			progress = List.copyOf(progress);
			attempts = List.copyOf(attempts);
		}

	}

}
