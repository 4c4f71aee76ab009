package org.safesteps.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.safesteps.classroom.ClassEvents;
import org.safesteps.quiz.ItemStatistics;

/**
 * What a teacher sees about a class: its learners from the {@link ClassRoster} (the learner
 * module's), their {@code progress} and {@code attempts} (fields as in docs/data.md). A whole report
 * ({@link #fresh}) is three queries, the class list and one per collection, each by
 * {@code classId} (served by the (classId, moduleId) indexes), and the rest is counted here: no
 * query per learner or per module. The class page's report ({@link #summary}) is kept per class in
 * this instance's memory and counted again only when the class's data changed
 * ({@link ClassReportCache}).
 */
@Component
public class ClassReports {

	private final MongoTemplate mongo;

	private final ClassRoster roster;

	private final ClassReportCache cache;

	@Autowired
	public ClassReports(MongoTemplate mongo, ClassRoster roster, ClassReportVersions versions) {
		this(mongo, roster, new ClassReportCache(versions));
	}

	ClassReports(MongoTemplate mongo, ClassRoster roster, ClassReportCache cache) {
		this.mongo = mongo;
		this.roster = roster;
		this.cache = cache;
	}

	/**
	 * The matrix, the completion per module and the questions of every module: the report kept for
	 * the class if its data has not changed since (two small reads), else {@link #fresh}. While the
	 * data is unchanged the same object is returned, so a caller may keep what it derives from it
	 * (the class page keeps its rendered report) for as long as it gets the same object back.
	 */
	public Summary summary(String classId, List<String> moduleIds) {
		ClassReportCache.Stamp stamp = this.cache.stamp(classId, () -> learners(classId));
		return this.cache.get(classId, moduleIds, stamp, () -> fresh(classId, stamp.learners(), moduleIds));
	}

	/** The same as {@link #summary}, counted from the database now. */
	Summary fresh(String classId, List<String> moduleIds) {
		return fresh(classId, learners(classId), moduleIds);
	}

	private Summary fresh(String classId, List<LearnerRef> learners, List<String> moduleIds) {
		List<Document> progress = progress(classId, moduleIds);
		Map<String, List<QuestionShares>> questions = new LinkedHashMap<>();
		Map<String, Map<String, Document>> firsts = firstAttempts(classId, moduleIds);
		for (String moduleId : moduleIds) {
			questions.put(moduleId, questions(firsts.getOrDefault(moduleId, Map.of()).values()));
		}
		return new Summary(matrix(learners, progress, moduleIds), completion(learners.size(), progress, moduleIds),
				ClassTeaching.withTallies(this.mongo, classId, questions));
	}

	/** A deleted class's report leaves this instance's memory with it (the others' age out unseen). */
	@EventListener
	void on(ClassEvents.ClassDeleted event) {
		this.cache.forget(event.classId());
	}

	/** The learners of a class, by pseudonym. */
	public List<LearnerRef> learners(String classId) {
		List<LearnerRef> learners = new ArrayList<>(this.roster.learners(classId));
		learners.sort(Comparator.comparing(LearnerRef::pseudonym, String.CASE_INSENSITIVE_ORDER));
		return learners;
	}

	/** Every learner of the class against each module (in the given order), with state and best score. */
	public Matrix matrix(String classId, List<String> moduleIds) {
		return matrix(learners(classId), progress(classId, moduleIds), moduleIds);
	}

	/** Per module: how many learners of the class started it and how many completed it. */
	public List<ModuleCompletion> completion(String classId, List<String> moduleIds) {
		return completion(learners(classId).size(), progress(classId, moduleIds), moduleIds);
	}

	/**
	 * Per question of a module: how many learners answered, how many got it right, and how many
	 * chose each option; most-missed first. Each learner counts once, with their first attempt:
	 * what the class knew after the lesson, before the quiz feedback showed the answers.
	 */
	public List<QuestionShares> questions(String classId, String moduleId) {
		List<QuestionShares> learners = questions(firstAttempts(classId, List.of(moduleId)).getOrDefault(moduleId, Map.of()).values());
		return ClassTeaching.withTallies(this.mongo, classId, Map.of(moduleId, learners)).get(moduleId);
	}

	private List<Document> progress(String classId, List<String> moduleIds) {
		return this.mongo.getCollection("progress")
			.find(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds)))
			.into(new ArrayList<>());
	}

	/** Module id to learner id to that learner's earliest attempt (its answers and time only). */
	private Map<String, Map<String, Document>> firstAttempts(String classId, List<String> moduleIds) {
		Map<String, Map<String, Document>> firsts = new LinkedHashMap<>();
		for (Document attempt : this.mongo.getCollection("attempts")
			.find(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", moduleIds)))
			.projection(Projections.include("learnerId", "moduleId", "createdAt", "answers"))) {
			firsts.computeIfAbsent(attempt.getString("moduleId"), (id) -> new LinkedHashMap<>())
				.merge(attempt.getString("learnerId"), attempt, ClassReports::earlier);
		}
		return firsts;
	}

	static Document earlier(Document a, Document b) {
		Instant first = instant(a, "createdAt");
		Instant second = instant(b, "createdAt");
		if (first == null) {
			return (second == null) ? a : b;
		}
		return (second != null && second.isBefore(first)) ? b : a;
	}

	private static Matrix matrix(List<LearnerRef> learners, List<Document> progress, List<String> moduleIds) {
		Map<String, Map<String, Cell>> cells = new HashMap<>();
		for (Document line : progress) {
			cells.computeIfAbsent(line.getString("learnerId"), (id) -> new HashMap<>())
				.put(line.getString("moduleId"), cell(line));
		}
		List<Row> rows = new ArrayList<>();
		for (LearnerRef learner : learners) {
			Map<String, Cell> ordered = new LinkedHashMap<>();
			Map<String, Cell> found = cells.getOrDefault(learner.id(), Map.of());
			for (String moduleId : moduleIds) {
				ordered.put(moduleId, found.getOrDefault(moduleId, Cell.notStarted(moduleId)));
			}
			rows.add(new Row(learner, ordered));
		}
		return new Matrix(List.copyOf(moduleIds), rows);
	}

	private static List<ModuleCompletion> completion(int learners, List<Document> progress, List<String> moduleIds) {
		Map<String, Integer> started = new HashMap<>();
		Map<String, Integer> completed = new HashMap<>();
		for (Document line : progress) {
			String moduleId = line.getString("moduleId");
			started.merge(moduleId, 1, Integer::sum);
			if (line.get("completedAt") != null) {
				completed.merge(moduleId, 1, Integer::sum);
			}
		}
		List<ModuleCompletion> found = new ArrayList<>();
		for (String moduleId : new LinkedHashSet<>(moduleIds)) {
			found.add(new ModuleCompletion(moduleId, learners, started.getOrDefault(moduleId, 0),
					completed.getOrDefault(moduleId, 0)));
		}
		return List.copyOf(found);
	}

	static List<QuestionShares> questions(Collection<Document> firstAttempts) {
		Map<String, Map<String, Integer>> chosen = new HashMap<>();
		List<Map<String, Boolean>> marks = new ArrayList<>();
		for (Document attempt : firstAttempts) {
			Map<String, Boolean> learnerMarks = new LinkedHashMap<>();
			for (Document answer : attempt.getList("answers", Document.class, List.of())) {
				String questionId = answer.getString("questionId");
				learnerMarks.put(questionId, Boolean.TRUE.equals(answer.getBoolean("correct")));
				for (String option : answer.getList("chosen", String.class, List.of())) {
					chosen.computeIfAbsent(questionId, (id) -> new TreeMap<>()).merge(option, 1, Integer::sum);
				}
			}
			marks.add(learnerMarks);
		}
		List<QuestionShares> questions = new ArrayList<>();
		ItemStatistics.of(marks).forEach((questionId, item) -> questions.add(new QuestionShares(questionId,
				item.learners(), item.right(), chosen.getOrDefault(questionId, Map.of()), item.discrimination())));
		questions.sort(Comparator.comparingDouble(QuestionShares::missedShare)
			.reversed()
			.thenComparing(QuestionShares::questionId));
		return questions;
	}

	/** One learner of the class, found by pseudonym, with their progress and every attempt. */
	public Optional<LearnerReport> learner(String classId, String pseudonym) {
		Optional<LearnerRef> found = this.roster.learner(classId, pseudonym);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		LearnerRef learner = found.get();
		List<Cell> progress = new ArrayList<>();
		for (Document line : this.mongo.getCollection("progress").find(Filters.eq("learnerId", learner.id()))) {
			progress.add(cell(line));
		}
		List<AttemptLine> attempts = new ArrayList<>();
		for (Document attempt : this.mongo.getCollection("attempts").find(Filters.eq("learnerId", learner.id()))) {
			Map<String, Boolean> answers = new LinkedHashMap<>();
			for (Document answer : attempt.getList("answers", Document.class, List.of())) {
				answers.put(answer.getString("questionId"), Boolean.TRUE.equals(answer.getBoolean("correct")));
			}
			attempts.add(new AttemptLine(attempt.getString("moduleId"), number(attempt, "score"),
					number(attempt, "correctCount"), number(attempt, "questionCount"), instant(attempt, "createdAt"),
					answers));
		}
		attempts.sort(Comparator.comparing(AttemptLine::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
		return Optional.of(new LearnerReport(learner, progress, attempts));
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

	/** A whole class report: the matrix, completion per module, and per module its questions. */
	public record Summary(Matrix matrix, List<ModuleCompletion> completion, Map<String, List<QuestionShares>> questions) {

		public Summary {
			// kept and shared between pages: nothing in it may change
			Map<String, List<QuestionShares>> copied = new LinkedHashMap<>();
			questions.forEach((moduleId, shares) -> copied.put(moduleId, List.copyOf(shares)));
			questions = java.util.Collections.unmodifiableMap(copied);
		}

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

		/** Whether the class is too small to show its completion (see {@link PrivacyFloor}). */
		public boolean hidden() {
			return PrivacyFloor.hides(this.learners);
		}

		/** Completed share, 0-100. */
		public int percent() {
			return (this.learners == 0) ? 0 : Math.round(100f * this.completed / this.learners);
		}

	}

	/**
	 * One question: learners who answered it, answered it right, and chose each option.
	 *
	 * @param chosenBy option id to the number of learners who chose it
	 * @param discrimination Moodle's discrimination index over these first attempts, -100 to 100, or
	 * null when there is no spread (see {@link ItemStatistics})
	 */
	public record QuestionShares(String questionId, int answered, int correct, Map<String, Integer> chosenBy,
			Double discrimination) {

		public QuestionShares {
			chosenBy = Map.copyOf(chosenBy);
		}

		/** Whether too few learners answered to show any figure about it (see {@link PrivacyFloor}). */
		public boolean hidden() {
			return PrivacyFloor.hides(this.answered);
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
