package org.safesteps.perf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.safesteps.SafeStepsApplication;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.Question;
import org.safesteps.content.QuestionType;
import org.safesteps.content.Quiz;
import org.safesteps.learner.Learner;
import org.safesteps.progress.ClassReports;
import org.safesteps.quiz.Grader;
import org.safesteps.quiz.QuizResult;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The hot paths of the load benchmark, one at a time, in one JVM: the app starts once (in-memory
 * embedded database, seeded), then each method measures one operation. Figures depend on the
 * machine and its load: compare runs on the same machine only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xmx512m" })
public class HotPathBenchmark {

	private static final String MODULE = "trusted-adults";

	/** The class report's target size (issue 9): 35 learners, 12 modules. */
	private static final int REPORT_LEARNERS = 35;

	private static final int REPORT_MODULES = 12;

	/** Other classes in the same collections, as in the load benchmark (200 classes x 30 learners). */
	private static final int OTHER_CLASSES = 200;

	private static final int OTHER_LEARNERS_PER_CLASS = 30;

	private ConfigurableApplicationContext context;

	private MockMvc mvc;

	private Cookie learnerCookie;

	private View lessonView;

	private Map<String, Object> lessonModel;

	private Map<String, Object> lessonRequestAttributes;

	private Quiz quiz;

	private Map<String, List<String>> answers;

	private ClassReports reports;

	private String reportClass;

	private List<String> reportModules;

	@Setup
	public void start() throws Exception {
		this.context = new SpringApplicationBuilder(SafeStepsApplication.class)
			.properties("server.port=0", "logging.level.root=WARN", "safesteps.storage.embedded-backend=memory",
					// an admin exists, as in production: without one every page leads to the setup
					"safesteps.admin.email=bench-admin@example.org",
					"safesteps.admin.password=" + UUID.randomUUID() + "-" + UUID.randomUUID())
			.run();
		MongoTemplate mongo = this.context.getBean(MongoTemplate.class);
		this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.context)
			.addFilters(this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();

		// a token shaped like the app's (256 bits, base64url, 43 characters): the cookie reader checks the length
		byte[] bits = new byte[32];
		new Random().nextBytes(bits);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		Instant now = Instant.now();
		mongo.insert(new Learner(UUID.randomUUID().toString(), null, "Bench Otter 1000", Band.AGES_8_10, sha256(token),
				null, now, now));
		this.learnerCookie = new Cookie("safesteps_learner", token);
		MvcResult lesson = this.mvc.perform(get("/learn/" + MODULE).param("step", "2").cookie(this.learnerCookie))
			.andReturn();
		if (lesson.getResponse().getStatus() != 200) {
			throw new IllegalStateException("lesson step answered " + lesson.getResponse().getStatus() + " "
					+ lesson.getResponse().getRedirectedUrl());
		}
		ModelAndView mav = lesson.getModelAndView();
		ViewResolver resolver = this.context.getBean("thymeleafViewResolver", ViewResolver.class);
		this.lessonView = resolver.resolveViewName(mav.getViewName(), Locale.UK);
		this.lessonModel = new LinkedHashMap<>(mav.getModel());
		this.lessonRequestAttributes = new LinkedHashMap<>();
		MockHttpServletRequest original = (MockHttpServletRequest) lesson.getRequest();
		for (String name : Collections.list(original.getAttributeNames())) {
			this.lessonRequestAttributes.put(name, original.getAttribute(name));
		}

		this.quiz = this.context.getBean(Curriculum.class).module(MODULE).orElseThrow().quiz(Band.AGES_8_10).orElseThrow();
		this.answers = new LinkedHashMap<>();
		for (Question question : this.quiz.questions()) {
			List<String> ids = question.options().stream().map((option) -> option.id()).toList();
			this.answers.put(question.id(), (question.type() == QuestionType.ORDER) ? ids : List.of(ids.get(0)));
		}

		this.reports = this.context.getBean(ClassReports.class);
		this.reportModules = new ArrayList<>();
		for (int m = 0; m < REPORT_MODULES; m++) {
			this.reportModules.add("module-" + m);
		}
		this.reportClass = seedReport(mongo);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	/** Rendering the lesson step template alone (model and request as the controller left them). */
	@Benchmark
	public int lessonStepTemplate() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(
				((WebApplicationContext) this.context).getServletContext(), "GET", "/learn/" + MODULE);
		this.lessonRequestAttributes.forEach(request::setAttribute);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.lessonView.render(new LinkedHashMap<>(this.lessonModel), request, response);
		return response.getContentAsString().length();
	}

	/** The whole lesson step request without the network: filters, learner lookup, progress, template. */
	@Benchmark
	public int lessonStepRequest() throws Exception {
		return this.mvc.perform(get("/learn/" + MODULE).param("step", "2").cookie(this.learnerCookie))
			.andReturn()
			.getResponse()
			.getContentAsString()
			.length();
	}

	/** Grading a complete answer to the module's quiz. */
	@Benchmark
	public QuizResult gradeQuiz() {
		return Grader.grade(this.quiz, this.answers);
	}

	/** The class report of 35 learners x 12 modules among 200 other classes: three queries and the counting. */
	@Benchmark
	public ClassReports.Summary classReport() {
		return this.reports.summary(this.reportClass, this.reportModules);
	}

	private String seedReport(MongoTemplate mongo) {
		Random random = new Random(42);
		String classId = "report-class";
		List<Document> learners = new ArrayList<>();
		List<Document> progress = new ArrayList<>();
		List<Document> attempts = new ArrayList<>();
		for (int c = 0; c <= OTHER_CLASSES; c++) {
			String id = (c == 0) ? classId : "other-class-" + c;
			int size = (c == 0) ? REPORT_LEARNERS : OTHER_LEARNERS_PER_CLASS;
			int modules = (c == 0) ? REPORT_MODULES : 2;
			for (int l = 0; l < size; l++) {
				String learnerId = UUID.randomUUID().toString();
				learners.add(new Document("_id", learnerId).append("classId", id)
					.append("pseudonym", "Learner " + c + "-" + l)
					.append("band", "AGES_8_10")
					.append("tokenHash", UUID.randomUUID().toString()));
				for (int m = 0; m < modules; m++) {
					if (random.nextInt(4) == 0) {
						continue;
					}
					boolean completed = random.nextBoolean();
					progress.add(new Document("learnerId", learnerId).append("classId", id)
						.append("moduleId", "module-" + m)
						.append("band", "AGES_8_10")
						.append("stepReached", random.nextInt(6))
						.append("stepsTotal", 6)
						.append("attempts", completed ? 1 : 0)
						.append("bestScore", completed ? random.nextInt(101) : null)
						.append("completedAt", completed ? new Date() : null));
					if (completed) {
						attempts.add(attempt(random, learnerId, id, "module-" + m));
					}
				}
			}
		}
		mongo.getCollection("learners").insertMany(learners);
		mongo.getCollection("progress").insertMany(progress);
		mongo.getCollection("attempts").insertMany(attempts);
		return classId;
	}

	private static Document attempt(Random random, String learnerId, String classId, String moduleId) {
		List<Document> answers = new ArrayList<>();
		for (int q = 1; q <= 8; q++) {
			boolean correct = random.nextBoolean();
			answers.add(new Document("questionId", "q" + q).append("chosen", List.of(correct ? "a" : "b"))
				.append("correct", correct));
		}
		return new Document("submissionId", UUID.randomUUID().toString()).append("learnerId", learnerId)
			.append("classId", classId)
			.append("moduleId", moduleId)
			.append("band", "AGES_8_10")
			.append("answers", answers)
			.append("score", 50)
			.append("createdAt", new Date());
	}

	private static String sha256(String value) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

}
