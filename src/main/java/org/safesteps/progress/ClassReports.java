package org.safesteps.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UnwindOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What a teacher sees about a class, aggregated in MongoDB from {@code learners}, {@code progress}
 * and {@code attempts} (fields as in docs/data.md). Only {@code $match}, {@code $group},
 * {@code $lookup} and {@code $unwind}: the embedded server has no window stages. Each pipeline
 * starts with a {@code $match} on {@code classId}, which the (classId, moduleId) indexes serve.
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
		Map<String, LearnerRef> learners = new LinkedHashMap<>();
		Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
		List<Bson> pipeline = List.of(Aggregates.match(Filters.eq("classId", classId)),
				Aggregates.lookup("progress", "_id", "learnerId", "progress"),
				Aggregates.unwind("$progress", new UnwindOptions().preserveNullAndEmptyArrays(true)));
		for (Document row : aggregate("learners", pipeline)) {
			String learnerId = row.getString("_id");
			learners.putIfAbsent(learnerId, new LearnerRef(learnerId, row.getString("pseudonym")));
			Map<String, Cell> byModule = cells.computeIfAbsent(learnerId, (id) -> new LinkedHashMap<>());
			if (row.get("progress") instanceof Document progress && moduleIds.contains(progress.getString("moduleId"))) {
				byModule.put(progress.getString("moduleId"), cell(progress));
			}
		}
		List<Row> rows = new ArrayList<>();
		for (LearnerRef learner : learners.values()) {
			Map<String, Cell> ordered = new LinkedHashMap<>();
			Map<String, Cell> found = cells.get(learner.id());
			for (String moduleId : moduleIds) {
				ordered.put(moduleId, found.getOrDefault(moduleId, Cell.notStarted(moduleId)));
			}
			rows.add(new Row(learner, ordered));
		}
		rows.sort(Comparator.comparing((Row row) -> row.learner().pseudonym(), String.CASE_INSENSITIVE_ORDER));
		return new Matrix(List.copyOf(moduleIds), rows);
	}

	/** Per module: how many learners of the class started it and how many completed it. */
	public List<ModuleCompletion> completion(String classId, List<String> moduleIds) {
		int learners = learners(classId).size();
		Map<String, ModuleCompletion> found = new LinkedHashMap<>();
		List<Bson> started = List.of(
				Aggregates.match(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds))),
				Aggregates.group("$moduleId", Accumulators.sum("count", 1)));
		List<Bson> completed = List.of(
				Aggregates.match(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds),
						Filters.ne("completedAt", null))),
				Aggregates.group("$moduleId", Accumulators.sum("count", 1)));
		Map<String, Integer> startedCounts = counts(aggregate("progress", started));
		Map<String, Integer> completedCounts = counts(aggregate("progress", completed));
		for (String moduleId : moduleIds) {
			found.put(moduleId, new ModuleCompletion(moduleId, learners, startedCounts.getOrDefault(moduleId, 0),
					completedCounts.getOrDefault(moduleId, 0)));
		}
		return List.copyOf(found.values());
	}

	/**
	 * Per question of a module: how many learners answered, how many got it right, and how many
	 * chose each option; most-missed first. Each learner counts once, with their first attempt:
	 * what the class knew after the lesson, before the quiz feedback showed the answers.
	 */
	public List<QuestionShares> questions(String classId, String moduleId) {
		List<Bson> firstAttempts = List.of(
				Aggregates.match(Filters.and(Filters.eq("classId", classId), Filters.eq("moduleId", moduleId))),
				// $min over {createdAt, answers} compares createdAt first: the earliest attempt wins
				Aggregates.group("$learnerId", Accumulators.min("first",
						new Document("createdAt", "$createdAt").append("answers", "$answers"))),
				Aggregates.unwind("$first.answers"));
		List<Bson> perQuestion = new ArrayList<>(firstAttempts);
		perQuestion.add(Aggregates.group("$first.answers.questionId", Accumulators.sum("answered", 1),
				Accumulators.sum("correct",
						new Document("$cond", List.of(new Document("$eq", List.of("$first.answers.correct", true)), 1, 0)))));
		List<Bson> perOption = new ArrayList<>(firstAttempts);
		perOption.add(Aggregates.unwind("$first.answers.chosen"));
		perOption.add(Aggregates.group(
				new Document("question", "$first.answers.questionId").append("option", "$first.answers.chosen"),
				Accumulators.sum("learners", 1)));

		Map<String, Map<String, Integer>> chosen = new TreeMap<>();
		for (Document option : aggregate("attempts", perOption)) {
			Document key = option.get("_id", Document.class);
			chosen.computeIfAbsent(key.getString("question"), (q) -> new TreeMap<>())
				.put(key.getString("option"), number(option, "learners"));
		}
		List<QuestionShares> questions = new ArrayList<>();
		for (Document question : aggregate("attempts", perQuestion)) {
			String questionId = question.getString("_id");
			questions.add(new QuestionShares(questionId, number(question, "answered"), number(question, "correct"),
					chosen.getOrDefault(questionId, Map.of())));
		}
		questions.sort(Comparator.comparingDouble(QuestionShares::missedShare)
			.reversed()
			.thenComparing(QuestionShares::questionId));
		return questions;
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

	private static Map<String, Integer> counts(List<Document> groups) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Document group : groups) {
			counts.put(group.getString("_id"), number(group, "count"));
		}
		return counts;
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
