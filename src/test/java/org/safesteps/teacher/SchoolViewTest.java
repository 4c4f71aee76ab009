package org.safesteps.teacher;

import java.net.http.HttpResponse;
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
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** /admin/school: every class's figures for admins; nobody else gets in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ClassEventRecorder.class)
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

		Browserless admin = Teachers.signIn(this.port, admin());
		assertThat(admin.get("/teacher").body()).contains("href=\"/admin/school\"");
		assertThat(admin.get("/admin/teachers").body()).contains("href=\"/admin/school\"");
		HttpResponse<String> page = admin.get("/admin/school");

		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("<h1>School overview</h1>", "Modules across the school", "<svg class=\"bar-chart\"");
		String redRow = row(body, "Red " + suffix);
		assertThat(redRow).contains("Ages 11-13", "Ada, Grace", "<span>2</span>", "(2 started)",
				"When someone threatens to share a picture</span>:", "2 of 2 completed (100%)",
				"average best score 71%", "Online friends and warning signs</span>:", "0 of 2 completed (0%)",
				"no quiz taken yet")
			.doesNotContain("module-removed-from-content");
		assertThat(row(body, "Blue " + suffix)).contains("Ages 5-7", "Grace", "<span>0</span>", "Nothing assigned");
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
