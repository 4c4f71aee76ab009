package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;
import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** /admin/school: every class's figures for admins; nobody else gets in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolViewTest {

	@LocalServerPort
	int port;

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Autowired
	MongoTemplate mongo;

	@Test
	void adminSeesEveryClassWithItsTeachersLearnersAndModuleFigures() {
		Account ada = Teachers.create(this.accounts, "Ada");
		Account grace = Teachers.create(this.accounts, "Grace");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		SchoolClass red = this.classes.create("Red " + suffix, Band.AGES_11_13, ada.id());
		this.classes.addTeacher(red.id(), grace.id());
		SchoolClass blue = this.classes.create("Blue " + suffix, Band.AGES_5_7, grace.id());
		this.assignments.assign(red.id(), "sextortion", null, 0);
		this.assignments.assign(red.id(), "online-friends", null, 1);
		this.assignments.assign(red.id(), "module-removed-from-content", null, 2);
		String otter = Teachers.learner(this.mongo, red.id(), "Brave Otter");
		String fox = Teachers.learner(this.mongo, red.id(), "Calm Fox");
		Teachers.progress(this.mongo, otter, red.id(), "sextortion", true, 80);
		Teachers.progress(this.mongo, fox, red.id(), "sextortion", true, 61);
		Teachers.progress(this.mongo, fox, red.id(), "online-friends", false, null);
		int score = 70;
		for (String name : List.of("Quick Owl", "Kind Lynx", "Shy Wren")) {
			Teachers.progress(this.mongo, Teachers.learner(this.mongo, red.id(), name), red.id(), "sextortion", true,
					score);
			score += 10;
		}
		SchoolClass small = this.classes.create("Small " + suffix, Band.AGES_11_13, ada.id());
		this.assignments.assign(small.id(), "sextortion", null, 0);
		for (String name : List.of("Tall Heron", "Wise Seal")) {
			Teachers.progress(this.mongo, Teachers.learner(this.mongo, small.id(), name), small.id(), "sextortion",
					true, 100);
		}

		Browserless admin = Teachers.signIn(this.port, admin());
		assertThat(admin.get("/teacher").body()).contains("href=\"/admin/school\"");
		assertThat(admin.get("/admin/teachers").body()).contains("href=\"/admin/school\"");
		HttpResponse<String> page = admin.get("/admin/school");

		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<h1>School overview</h1>", "Modules across the school", "<svg class=\"bar-chart\"");
		String redRow = row(body, "Red " + suffix);
		assertThat(redRow).contains("Ages 11-13", "Ada, Grace", "<span>5</span>", "(5 started)",
				"When someone threatens to share a picture</span>:", "5 of 5 completed (100%)",
				"average best score 76%", "Online friends and warning signs</span>:", "0 of 5 completed (0%)",
				"no quiz taken yet")
			.doesNotContain("module-removed-from-content");
		assertThat(row(body, "Blue " + suffix)).contains("Ages 5-7", "Grace", "<span>0</span>", "Nothing assigned");
		assertThat(row(body, "Small " + suffix)).as("two learners: no figure at all").contains("fewer than 5 learners")
			.doesNotContain("completed (", "average best score 100%");
		assertThat(body).as("figures only: no pseudonyms").doesNotContain("Brave Otter", "Calm Fox");
	}

	@Test
	void teachersWithoutAdminAreRefusedAndAnonymousVisitorsAreSentToSignIn() {
		Browserless teacher = Teachers.signIn(this.port, Teachers.create(this.accounts, "Plain"));
		assertThat(teacher.get("/admin/school").statusCode()).isEqualTo(403);
		assertThat(teacher.get("/teacher").body()).doesNotContain("/admin/school");

		HttpResponse<String> anonymous = new Http(this.port).get("/admin/school");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void questionStatisticsCoverEveryClassAreSortableAndHideQuestionsAnsweredByFewerThanFive() {
		// the view covers the whole school: start from a school whose only attempts are this test's
		this.mongo.getCollection("attempts").deleteMany(new org.bson.Document());
		Account ada = Teachers.create(this.accounts, "Ada");
		SchoolClass red = this.classes.create("Red", Band.AGES_11_13, ada.id());
		SchoolClass green = this.classes.create("Green", Band.AGES_11_13, ada.id());
		// six learners over two classes: "what-is-sextortion" right for the three who also got the
		// scenario right, wrong for the others (discrimination 100); "minute-one" right for all
		boolean[] strong = { true, true, true, false, false, false };
		for (int i = 0; i < strong.length; i++) {
			String classId = (i % 2 == 0) ? red.id() : green.id();
			String learner = Teachers.learner(this.mongo, classId, "Learner " + i);
			attempt(learner, classId, "sextortion", List.of(answer("what-is-sextortion", strong[i]),
					answer("minute-three", strong[i]), answer("minute-one", true)));
			if (i < 3) {
				attempt(learner, classId, "online-friends", List.of(answer("what-is-grooming", true)));
			}
		}
		Browserless admin = Teachers.signIn(this.port, admin());
		assertThat(admin.get("/admin/school").body()).contains("href=\"/admin/school/questions\"");
		String page = admin.get("/admin/school/questions?sort=facility").body();
		assertThat(page).contains("Question statistics", "What is sextortion?");
		String sextortion = tableRow(page, "What is sextortion?");
		assertThat(sextortion).contains("<td class=\"number\">6</td>", "<td class=\"number\">50</td>",
				"<td class=\"number\">100</td>", "Some of the class got this.");
		assertThat(tableRow(page, "What is grooming?")).contains("fewer than 5 learners")
			.doesNotContain("<td class=\"number\">3</td>", "100");
		assertThat(page.indexOf("What is sextortion?")).as("lowest facility first")
			.isLessThan(page.indexOf(this.minuteOneText()));
		assertThat(page.indexOf("What is grooming?")).as("hidden rows last").isGreaterThan(page.indexOf(minuteOneText()));

		HttpResponse<String> csv = admin.get("/admin/school/questions.csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).contains("What is sextortion?,6,50,100,Some of the class got this.")
			.contains("What is grooming?,fewer than 5 learners,fewer than 5 learners,fewer than 5 learners,fewer than 5 learners");
	}

	private String minuteOneText() {
		return "Minute 1: What should Ollie do first?";
	}

	private void attempt(String learnerId, String classId, String moduleId, List<org.bson.Document> answers) {
		this.mongo.getCollection("attempts")
			.insertOne(new org.bson.Document("_id", UUID.randomUUID().toString()).append("submissionId", UUID.randomUUID().toString())
				.append("learnerId", learnerId)
				.append("classId", classId)
				.append("moduleId", moduleId)
				.append("band", "AGES_11_13")
				.append("answers", answers)
				.append("createdAt", new java.util.Date()));
	}

	private static org.bson.Document answer(String questionId, boolean correct) {
		return new org.bson.Document("questionId", questionId).append("chosen", List.of()).append("correct", correct);
	}

	/** The table row holding a text. */
	private static String tableRow(String page, String text) {
		int at = page.indexOf(text);
		assertThat(at).as(text).isPositive();
		return page.substring(page.lastIndexOf("<tr>", at), page.indexOf("</tr>", at));
	}

	private Account admin() {
		return this.accounts.create("head-" + UUID.randomUUID() + "@school.example", "Head", Teachers.PASSWORD, true);
	}

	/** The table row of one class, from its row header to the end of the row. */
	private static String row(String page, String className) {
		int start = page.indexOf("<th scope=\"row\">" + className + "</th>");
		assertThat(start).as(className).isPositive();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
