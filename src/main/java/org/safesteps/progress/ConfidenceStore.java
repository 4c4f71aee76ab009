package org.safesteps.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The anonymous confidence check answers ({@code confidence}): one document per learner, module and
 * phase (before the lesson, after the quiz), holding a level from 1 (not sure) to 4 (very sure) per
 * statement, or that the learner skipped it. Written as one upsert by a key made of the three, so a
 * second answer replaces the first; deleted with the learner.
 */
@Component
public class ConfidenceStore {

	/** Not sure, a bit sure, quite sure, very sure. */
	public static final int LEVELS = 4;

	private static final String COLLECTION = "confidence";

	private final MongoTemplate mongo;

	private final Clock clock;

	public ConfidenceStore(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Before the first step, or after the quiz. */
	public enum Phase {

		BEFORE, AFTER;

		public String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Optional<Phase> fromId(String id) {
			return Arrays.stream(values()).filter((phase) -> phase.id().equals(id)).findFirst();
		}

	}

	/** One learner's answers for a module and phase: statement id to level (1-4); empty when skipped. */
	public record Answers(Phase phase, boolean skipped, Map<String, Integer> levels) {

		public Answers {
			levels = Map.copyOf(levels);
		}

	}

	/** Records a learner's answers (or that they skipped), replacing any earlier ones for this module and phase. */
	public void save(Owner owner, String moduleId, Phase phase, Map<String, Integer> levels, boolean skipped) {
		for (int level : levels.values()) {
			if (level < 1 || level > LEVELS) {
				throw new IllegalArgumentException("a level is 1 to " + LEVELS);
			}
		}
		Document document = new Document("_id", key(owner.learnerId(), moduleId, phase))
			.append("learnerId", owner.learnerId())
			.append("classId", owner.classId())
			.append("moduleId", moduleId)
			.append("band", owner.band().name())
			.append("phase", phase.name())
			.append("skipped", skipped)
			.append("levels", new Document(new LinkedHashMap<>(skipped ? Map.of() : levels)))
			.append("at", this.clock.instant());
		collection().replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
	}

	/** Whether the learner answered or skipped this phase of the module. */
	public boolean done(String learnerId, String moduleId, Phase phase) {
		return collection().find(Filters.eq("_id", key(learnerId, moduleId, phase))).limit(1).first() != null;
	}

	/** Every learner's answers for a module in these classes. */
	public List<Answers> forClasses(Collection<String> classIds, String moduleId) {
		List<Answers> answers = new ArrayList<>();
		if (classIds.isEmpty()) {
			return answers;
		}
		for (Document document : collection().find(Filters.and(Filters.in("classId", classIds), Filters.eq("moduleId", moduleId)))) {
			Map<String, Integer> levels = new LinkedHashMap<>();
			Document stored = document.get("levels", Document.class);
			if (stored != null) {
				stored.forEach((statement, level) -> {
					if (level instanceof Number number) {
						levels.put(statement, number.intValue());
					}
				});
			}
			answers.add(new Answers(Phase.valueOf(document.getString("phase")), document.getBoolean("skipped", false), levels));
		}
		return answers;
	}

	public void deleteLearner(String learnerId) {
		collection().deleteMany(Filters.eq("learnerId", learnerId));
	}

	private com.mongodb.client.MongoCollection<Document> collection() {
		return this.mongo.getCollection(COLLECTION);
	}

	// one document per learner, module and phase: the key makes a repeated answer replace the first
	private static String key(String learnerId, String moduleId, Phase phase) {
		return learnerId + "/" + moduleId + "/" + phase.id();
	}

}
