package org.safesteps.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One submitted quiz, as graded. Kept apart from the progress summary; its {@code submissionId}
 * is unique, so a resubmitted form can never record a second attempt.
 */
@Document("attempts")
public record Attempt(@Id String id, String submissionId, String learnerId, String classId, String moduleId,
		String band, String contentVersion, List<Answer> answers, int score, int correctCount, int questionCount,
		Instant createdAt) {

	public Attempt {
		answers = List.copyOf(answers);
	}

	/** The options chosen per question id, as the grader takes them. */
	public Map<String, List<String>> chosen() {
		return this.answers.stream().collect(Collectors.toMap(Answer::questionId, Answer::chosen, (a, b) -> a));
	}

	/**
	 * One question's answer: option ids chosen (in the child's order for {@code order} questions).
	 */
	public record Answer(String questionId, List<String> chosen, boolean correct) {

		public Answer {
			chosen = List.copyOf(chosen);
		}

	}

}
