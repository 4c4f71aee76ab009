package org.safesteps.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.safesteps.classroom.ClassEvents;

/**
 * What a class did from the front, apart from learners' own work: the day a module was taught
 * to the whole class ({@code class_lessons}) and the rough tally of hands per quiz option
 * ({@code class_tallies}), numbers only. Each write is one single-document upsert, so a retry
 * or a second teacher saving at once leaves one consistent record.
 */
@Component
public class ClassTeaching {

	/** No figure is shown, or counted in "what to revisit", from fewer children than this. */
	public static final int FLOOR = 5;

	static final String LESSONS = "class_lessons";

	static final String TALLIES = "class_tallies";

	private final MongoTemplate mongo;

	private final ClassReportVersions reports;

	public ClassTeaching(MongoTemplate mongo, ClassReportVersions reports) {
		this.mongo = mongo;
		this.reports = reports;
	}

	/** Marks a module as taught to the class on a day (a later mark replaces the day). */
	public void markTaught(String classId, String moduleId, LocalDate on) {
		this.mongo.getCollection(LESSONS)
			.updateOne(Filters.eq("_id", key(classId, moduleId)),
					Updates.combine(Updates.set("classId", classId), Updates.set("moduleId", moduleId),
							Updates.set("taughtOn", on.toString())),
					new UpdateOptions().upsert(true));
	}

	/** Module id to the day it was last taught to the class from the front. */
	public Map<String, LocalDate> taught(String classId) {
		Map<String, LocalDate> taught = new TreeMap<>();
		for (Document lesson : this.mongo.getCollection(LESSONS).find(Filters.eq("classId", classId))) {
			taught.put(lesson.getString("moduleId"), LocalDate.parse(lesson.getString("taughtOn")));
		}
		return taught;
	}

	/**
	 * Every class's modules taught from the front: class id to module id to the day. One read of a
	 * collection with one small document per class and module taught, for the school's views.
	 */
	public Map<String, Map<String, LocalDate>> taughtByClass() {
		Map<String, Map<String, LocalDate>> taught = new TreeMap<>();
		for (Document lesson : this.mongo.getCollection(LESSONS).find()) {
			taught.computeIfAbsent(lesson.getString("classId"), (id) -> new TreeMap<>())
				.put(lesson.getString("moduleId"), LocalDate.parse(lesson.getString("taughtOn")));
		}
		return taught;
	}

	/** Keeps the class's tally for one question, replacing an earlier one. */
	public void recordTally(String classId, String moduleId, Tally tally) {
		List<Document> counts = new ArrayList<>();
		tally.counts().forEach((option, count) -> counts.add(new Document("optionId", option).append("count", count)));
		this.mongo.getCollection(TALLIES)
			.replaceOne(Filters.eq("_id", key(classId, moduleId) + "|" + tally.questionId()),
					new Document("classId", classId).append("moduleId", moduleId)
						.append("questionId", tally.questionId())
						.append("present", tally.present())
						.append("correct", tally.correct())
						.append("counts", counts),
					new ReplaceOptions().upsert(true));
		// the class report adds the tallies to its learners' answers
		this.reports.changed(classId);
	}

	/** Question id to the class's tally for one module. */
	public Map<String, Tally> tallies(String classId, String moduleId) {
		Map<String, Tally> tallies = new LinkedHashMap<>();
		for (Document found : this.mongo.getCollection(TALLIES)
			.find(Filters.and(Filters.eq("classId", classId), Filters.eq("moduleId", moduleId)))) {
			Tally tally = tally(found);
			tallies.put(tally.questionId(), tally);
		}
		return tallies;
	}

	/**
	 * Adds the class's tallies (those from at least {@value #FLOOR} children) to what its learners
	 * answered, so "what to revisit" works for a class without devices; most-missed first again.
	 */
	static Map<String, List<ClassReports.QuestionShares>> withTallies(MongoTemplate mongo, String classId,
			Map<String, List<ClassReports.QuestionShares>> questions) {
		Map<String, Map<String, Tally>> byModule = new LinkedHashMap<>();
		for (Document found : mongo.getCollection(TALLIES)
			.find(Filters.and(Filters.eq("classId", classId), Filters.in("moduleId", questions.keySet())))) {
			Tally tally = tally(found);
			if (tally.total() >= FLOOR) {
				byModule.computeIfAbsent(found.getString("moduleId"), (id) -> new LinkedHashMap<>())
					.put(tally.questionId(), tally);
			}
		}
		if (byModule.isEmpty()) {
			return questions;
		}
		Map<String, List<ClassReports.QuestionShares>> merged = new LinkedHashMap<>();
		questions.forEach((moduleId, shares) -> merged.put(moduleId, merge(shares, byModule.getOrDefault(moduleId, Map.of()))));
		return merged;
	}

	private static List<ClassReports.QuestionShares> merge(List<ClassReports.QuestionShares> learners,
			Map<String, Tally> tallies) {
		if (tallies.isEmpty()) {
			return learners;
		}
		Map<String, Tally> left = new LinkedHashMap<>(tallies);
		List<ClassReports.QuestionShares> merged = new ArrayList<>();
		for (ClassReports.QuestionShares shares : learners) {
			Tally tally = left.remove(shares.questionId());
			if (tally == null) {
				merged.add(shares);
				continue;
			}
			Map<String, Integer> chosen = new TreeMap<>(shares.chosenBy());
			tally.counts().forEach((option, count) -> chosen.merge(option, count, Integer::sum));
			// a show of hands has no per-learner marks, so no discrimination over the merged counts
			merged.add(new ClassReports.QuestionShares(shares.questionId(), shares.answered() + tally.total(),
					shares.correct() + tally.correct(), chosen, null));
		}
		left.values().forEach((tally) -> merged.add(new ClassReports.QuestionShares(tally.questionId(), tally.total(),
				tally.correct(), tally.counts(), null)));
		merged.sort(Comparator.comparingDouble(ClassReports.QuestionShares::missedShare)
			.reversed()
			.thenComparing(ClassReports.QuestionShares::questionId));
		return merged;
	}

	@EventListener
	void on(ClassEvents.ClassDeleted event) {
		this.mongo.getCollection(LESSONS).deleteMany(Filters.eq("classId", event.classId()));
		this.mongo.getCollection(TALLIES).deleteMany(Filters.eq("classId", event.classId()));
	}

	private static Tally tally(Document found) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Document count : found.getList("counts", Document.class, List.of())) {
			counts.put(count.getString("optionId"), count.getInteger("count", 0));
		}
		return new Tally(found.getString("questionId"), found.getInteger("present", 0), counts,
				found.getInteger("correct", 0));
	}

	private static String key(String classId, String moduleId) {
		return classId + "|" + moduleId;
	}

	/**
	 * Hands counted for one question with one answer per child.
	 *
	 * @param present children in the lesson
	 * @param counts option id to the children who chose it
	 * @param correct how many of them chose the right answer
	 */
	public record Tally(String questionId, int present, Map<String, Integer> counts, int correct) {

		public Tally {
			counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
		}

		/** Children who answered. */
		public int total() {
			return this.counts.values().stream().mapToInt(Integer::intValue).sum();
		}

		/** Whether the tally may be shown: from at least {@value ClassTeaching#FLOOR} children. */
		public boolean shown() {
			return total() >= FLOOR;
		}

	}

}
