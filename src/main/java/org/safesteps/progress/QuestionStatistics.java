package org.safesteps.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.safesteps.quiz.ItemStatistics;

/**
 * Every quiz question's facility and discrimination over all the school's classes, for content
 * authors to find a question that confuses: each learner counts once per module, with their first
 * attempt (what they knew after the lesson), and each band's quiz is its own set of questions.
 * Self-learners (no class) are left out, as in the rest of the school view.
 */
@Component
public class QuestionStatistics {

	private static final String KEY_SEPARATOR = "\u001f";

	private final MongoTemplate mongo;

	public QuestionStatistics(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** One band's quiz of a module with its questions' statistics (question id to item). */
	public record QuizItems(String moduleId, String band, Map<String, ItemStatistics.Item> items) {

		public QuizItems {
			items = Map.copyOf(items);
		}

	}

	public List<QuizItems> school() {
		Map<String, Map<String, Document>> firsts = new LinkedHashMap<>();
		for (Document attempt : this.mongo.getCollection("attempts")
			.find(Filters.ne("classId", null))
			.projection(Projections.include("learnerId", "moduleId", "band", "createdAt", "answers"))) {
			if (attempt.getString("moduleId") == null || attempt.getString("band") == null) {
				continue;
			}
			String key = attempt.getString("moduleId") + KEY_SEPARATOR + attempt.getString("band");
			firsts.computeIfAbsent(key, (k) -> new LinkedHashMap<>())
				.merge(attempt.getString("learnerId"), attempt, ClassReports::earlier);
		}
		List<QuizItems> quizzes = new ArrayList<>();
		firsts.forEach((key, byLearner) -> {
			String[] parts = key.split(KEY_SEPARATOR, 2);
			List<Map<String, Boolean>> marks = byLearner.values().stream().map(QuestionStatistics::marks).toList();
			quizzes.add(new QuizItems(parts[0], parts[1], ItemStatistics.of(marks)));
		});
		return quizzes;
	}

	private static Map<String, Boolean> marks(Document attempt) {
		Map<String, Boolean> marks = new LinkedHashMap<>();
		for (Document answer : attempt.getList("answers", Document.class, List.of())) {
			if (answer.getString("questionId") == null) {
				continue;
			}
			marks.put(answer.getString("questionId"), Boolean.TRUE.equals(answer.getBoolean("correct")));
		}
		return marks;
	}

}
