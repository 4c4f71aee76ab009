package org.safesteps.progress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Module;
import org.safesteps.content.Option;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.progress.ClassReports.QuestionShares;
import org.safesteps.progress.ClassReports.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class report kept in memory ({@link ClassReportCache}) against the report counted from the
 * database, after each of a series of steps, quiz submissions and tallies, on this instance and
 * on a second one (another {@link ClassReports} with its own memory, as another app instance
 * behind the balancer has), and after changes made around the app: a learner deleted shows at
 * once, an attempt written by hand with the class's next change or after the age limit.
 */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassReportCacheTest {

	private static final List<String> MODULES = List.of("sextortion", "online-friends");

	@Autowired
	ClassReports reports;

	@Autowired
	ClassRoster roster;

	@Autowired
	ClassReportVersions versions;

	@Autowired
	QuizSubmissions submissions;

	@Autowired
	ProgressStore progress;

	@Autowired
	ClassTeaching teaching;

	@Autowired
	Curriculum curriculum;

	@Autowired
	MongoTemplate mongo;

	String classId;

	List<String> learners;

	/** Another app instance: the same database, a memory of its own. */
	ClassReports otherInstance;

	@BeforeEach
	void aClassOfSixLearners() {
		this.classId = "class-" + UUID.randomUUID();
		this.learners = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			this.learners.add(learner("Learner " + i));
		}
		this.otherInstance = new ClassReports(this.mongo, this.roster, this.versions);
	}

	@Test
	void theKeptReportIsTheFreshOneAfterEveryStepSubmissionAndTallyOnBothInstances() {
		Random random = new Random(25);
		for (int action = 0; action < 40; action++) {
			// both instances hold a report before each change, so each change must replace it
			this.reports.summary(this.classId, MODULES);
			this.otherInstance.summary(this.classId, MODULES);
			String moduleId = MODULES.get(random.nextInt(MODULES.size()));
			Owner owner = new Owner(this.learners.get(random.nextInt(this.learners.size())), this.classId,
					Band.AGES_11_13);
			switch (random.nextInt(3)) {
				case 0 -> this.progress.markStep(owner, moduleId, random.nextInt(5), 5);
				case 1 -> submit(owner, moduleId, random);
				default -> tally(moduleId, random);
			}
			ClassReports.Summary fresh = this.reports.fresh(this.classId, MODULES);
			assertThat(this.reports.summary(this.classId, MODULES)).as("after action %d", action).isEqualTo(fresh);
			assertThat(this.otherInstance.summary(this.classId, MODULES)).as("other instance, action %d", action)
				.isEqualTo(fresh);
		}
		assertThat(this.reports.summary(this.classId, MODULES).matrix().rows())
			.as("the series did reach the report")
			.anySatisfy((row) -> assertThat(row.cells().values()).anyMatch((cell) -> cell.state() == State.COMPLETED));
	}

	@Test
	void aNewAttemptShowsOnTheNextPageOfEveryInstance() {
		String moduleId = MODULES.get(0);
		for (int i = 0; i < 5; i++) {
			submit(new Owner(this.learners.get(i), this.classId, Band.AGES_11_13), moduleId, new Random(i));
		}
		QuestionShares before = first(this.reports.summary(this.classId, MODULES), moduleId);
		assertThat(before.answered()).isEqualTo(5);
		this.otherInstance.summary(this.classId, MODULES);
		String last = this.learners.get(5);

		submit(new Owner(last, this.classId, Band.AGES_11_13), moduleId, new Random(5));

		for (ClassReports instance : List.of(this.reports, this.otherInstance)) {
			ClassReports.Summary after = instance.summary(this.classId, MODULES);
			assertThat(first(after, moduleId).answered()).isEqualTo(6);
			assertThat(after.completion().get(0).completed()).isEqualTo(6);
			assertThat(after.matrix().rows())
				.filteredOn((row) -> row.learner().id().equals(last))
				.singleElement()
				.satisfies((row) -> assertThat(row.cells().get(moduleId).state()).isEqualTo(State.COMPLETED));
		}
	}

	@Test
	void aReportIsKeptWhileNothingChanges() {
		submit(new Owner(this.learners.get(0), this.classId, Band.AGES_11_13), MODULES.get(0), new Random(1));

		ClassReports.Summary first = this.reports.summary(this.classId, MODULES);

		assertThat(this.reports.summary(this.classId, MODULES)).isSameAs(first);
		assertThat(this.reports.summary(this.classId, MODULES.subList(0, 1))).as("other modules: counted again")
			.isNotSameAs(first);
	}

	@Test
	void aLearnerDeletedAroundTheAppLeavesTheReportAtOnce() {
		this.reports.summary(this.classId, MODULES);

		this.mongo.getCollection("learners").deleteOne(Filters.eq("_id", this.learners.get(1)));

		assertThat(this.reports.summary(this.classId, MODULES).matrix().rows()).as("a learner gone")
			.hasSize(5)
			.noneMatch((row) -> row.learner().id().equals(this.learners.get(1)));
		assertThat(this.reports.summary(this.classId, MODULES)).isEqualTo(this.reports.fresh(this.classId, MODULES));
	}

	@Test
	void anAttemptWrittenAroundTheAppShowsWithTheClassesNextChange() {
		String moduleId = MODULES.get(0);
		this.reports.summary(this.classId, MODULES);
		attemptAroundTheApp(moduleId);

		this.progress.markStep(new Owner(this.learners.get(2), this.classId, Band.AGES_11_13), moduleId, 1, 5);

		assertThat(this.reports.summary(this.classId, MODULES).questions().get(moduleId))
			.extracting(QuestionShares::questionId)
			.contains("q-around");
		assertThat(this.reports.summary(this.classId, MODULES)).isEqualTo(this.reports.fresh(this.classId, MODULES));
	}

	@Test
	void anAttemptWrittenAroundTheAppShowsOnceTheKeptReportIsTooOld() {
		String moduleId = MODULES.get(0);
		AtomicLong nanos = new AtomicLong();
		ClassReports aged = new ClassReports(this.mongo, this.roster, new ClassReportCache(this.versions, nanos::get));
		ClassReports.Summary kept = aged.summary(this.classId, MODULES);
		attemptAroundTheApp(moduleId);

		nanos.addAndGet(ClassReportCache.MAX_AGE.minusSeconds(1).toNanos());
		assertThat(aged.summary(this.classId, MODULES)).as("no count-up, younger than the limit: kept").isSameAs(kept);

		nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(aged.summary(this.classId, MODULES).questions().get(moduleId))
			.extracting(QuestionShares::questionId)
			.contains("q-around");
	}

	/** An attempt written straight into the database, as an edit by hand would: no count-up. */
	private void attemptAroundTheApp(String moduleId) {
		this.mongo.getCollection("attempts")
			.insertOne(new Document("_id", UUID.randomUUID().toString())
				.append("submissionId", UUID.randomUUID().toString())
				.append("learnerId", this.learners.get(0))
				.append("classId", this.classId)
				.append("moduleId", moduleId)
				.append("band", Band.AGES_11_13.name())
				.append("answers", List.of(new Document("questionId", "q-around").append("chosen", List.of("a"))
					.append("correct", true)))
				.append("score", 100)
				.append("createdAt", new Date()));
	}

	private void submit(Owner owner, String moduleId, Random random) {
		Module module = this.curriculum.module(moduleId).orElseThrow();
		Quiz quiz = module.quiz(Band.AGES_11_13).orElseThrow();
		Map<String, List<String>> chosen = new LinkedHashMap<>();
		for (Question question : quiz.questions()) {
			List<String> options = new ArrayList<>(question.options().stream().map(Option::id).toList());
			if (question.type() == QuestionType.ORDER) {
				java.util.Collections.shuffle(options, random);
				chosen.put(question.id(), options);
			}
			else {
				chosen.put(question.id(), List.of(options.get(random.nextInt(options.size()))));
			}
		}
		this.submissions.submit(owner, module, quiz, "test", UUID.randomUUID().toString(), chosen);
	}

	private void tally(String moduleId, Random random) {
		Question question = this.curriculum.module(moduleId)
			.orElseThrow()
			.quiz(Band.AGES_11_13)
			.orElseThrow()
			.questions()
			.get(0);
		Map<String, Integer> counts = new LinkedHashMap<>();
		int correct = 0;
		for (Option option : question.options()) {
			int hands = random.nextInt(4);
			counts.put(option.id(), hands);
			correct += option.correct() ? hands : 0;
		}
		this.teaching.recordTally(this.classId, moduleId,
				new ClassTeaching.Tally(question.id(), 20, counts, correct));
	}

	private static QuestionShares first(ClassReports.Summary summary, String moduleId) {
		return summary.questions().get(moduleId).stream().max(java.util.Comparator.comparingInt(QuestionShares::answered))
			.orElseThrow();
	}

	private String learner(String pseudonym) {
		String id = UUID.randomUUID().toString();
		this.mongo.getCollection("learners")
			.insertOne(new Document("_id", id).append("classId", this.classId)
				.append("pseudonym", pseudonym)
				.append("band", Band.AGES_11_13.name())
				.append("tokenHash", UUID.randomUUID().toString())
				.append("resumeHash", null)
				.append("createdAt", new Date())
				.append("lastSeenAt", new Date()));
		return id;
	}

}
