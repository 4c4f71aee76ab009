package org.safesteps.teacher;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class page is kept and sent again while nothing on it changed ({@link KeptClassPage}): each
 * view still carries its own request's CSRF token, each teacher gets their own page and token, and
 * any change to the class (through the app or straight in the database) shows on the very next view.
 * Templates are read from the jar, as in production (from a theme folder nothing is kept).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.themes.dir=target/no-themes-folder")
class KeptClassPageTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

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

	@Autowired
	KeptClassPage keptPage;

	Account owner;

	Account colleague;

	SchoolClass schoolClass;

	String classPath;

	@BeforeEach
	void aClassWithTwoTeachers() {
		this.owner = Teachers.create(this.accounts, "Owner");
		this.colleague = Teachers.create(this.accounts, "Colleague");
		this.schoolClass = this.classes.create("Year 8 kept page", Band.AGES_11_13, this.owner.id());
		this.classes.addTeacher(this.schoolClass.id(), this.colleague.id());
		this.classPath = "/teacher/classes/" + this.schoolClass.id();
		this.assignments.assign(this.schoolClass.id(), "sextortion", LocalDate.of(2026, 12, 20), 0);
		for (int i = 0; i < 5; i++) {
			Teachers.learner(this.mongo, this.schoolClass.id(), "Kept page learner " + i);
		}
	}

	@Test
	void anUnchangedPageIsSentAgainWithEachViewsOwnToken() {
		Browserless browser = Teachers.signIn(this.port, this.owner);
		HttpResponse<String> first = browser.get(this.classPath);
		long served = this.keptPage.served();
		HttpResponse<String> second = browser.get(this.classPath);

		assertThat(this.keptPage.served()).as("the second view is the kept page").isEqualTo(served + 1);
		List<String> firstTokens = tokens(first.body());
		List<String> secondTokens = tokens(second.body());
		assertThat(secondTokens).as("every form of the page").hasSizeGreaterThan(5).containsOnly(secondTokens.get(0));
		assertThat(secondTokens.get(0)).as("masked anew for this request").isNotEqualTo(firstTokens.get(0));
		assertThat(second.body().replace(secondTokens.get(0), "TOKEN"))
			.isEqualTo(first.body().replace(firstTokens.get(0), "TOKEN"));
		for (String header : List.of("Content-Type", "Content-Security-Policy", "Cache-Control", "X-Content-Type-Options",
				"Referrer-Policy", "Permissions-Policy", "Content-Language")) {
			assertThat(second.headers().allValues(header)).as(header).isEqualTo(first.headers().allValues(header));
		}

		// the kept page's token is this session's: its form is accepted
		assertThat(browser.post(this.classPath + "/joining", second.body(), Map.of("open", "false")).statusCode())
			.isEqualTo(302);
		assertThat(this.classes.findForTeacher(this.schoolClass.id(), this.owner.id()).orElseThrow().open()).isFalse();
	}

	@Test
	void eachTeacherGetsTheirOwnPageAndToken() {
		Browserless ownerBrowser = Teachers.signIn(this.port, this.owner);
		Browserless colleagueBrowser = Teachers.signIn(this.port, this.colleague);
		ownerBrowser.get(this.classPath);
		colleagueBrowser.get(this.classPath);

		String ownerPage = ownerBrowser.get(this.classPath).body();
		String colleaguePage = colleagueBrowser.get(this.classPath).body();

		assertThat(ownerPage).as("only the owner may delete the class").contains("/delete\"");
		assertThat(colleaguePage).doesNotContain("/delete\"");
		String ownerToken = tokens(ownerPage).get(0);
		String colleagueToken = tokens(colleaguePage).get(0);
		assertThat(colleaguePage).doesNotContain(ownerToken);
		assertThat(ownerPage).doesNotContain(colleagueToken);
		// the owner's token is no good in the colleague's browser, the colleague's own is
		assertThat(colleagueBrowser.post(this.classPath + "/code", ownerPage, Map.of()).statusCode()).isEqualTo(403);
		assertThat(colleagueBrowser.post(this.classPath + "/code", colleaguePage, Map.of()).statusCode()).isEqualTo(302);
	}

	@Test
	void aChangeToTheClassShowsOnTheNextView() {
		Browserless browser = Teachers.signIn(this.port, this.owner);
		browser.get(this.classPath);
		String page = browser.get(this.classPath).body();
		assertThat(page).contains("Year 8 kept page").doesNotContain("/assignments/online-friends/remove");

		// through the app: an assignment (the notice view is not kept; the view after it is new)
		assertThat(browser.post(this.classPath + "/assignments", page, Map.of("moduleId", "online-friends")).statusCode())
			.isEqualTo(302);
		browser.get(this.classPath);
		assertThat(browser.get(this.classPath).body()).contains("/assignments/online-friends/remove");

		// around the app: a new name and a learner who joins, written straight into the database
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.schoolClass.id())),
				Update.update("name", "Year 8 renamed"), SchoolClass.class);
		assertThat(browser.get(this.classPath).body()).contains("Year 8 renamed").doesNotContain("Year 8 kept page");
		assertThat(browser.get(this.classPath).body()).doesNotContain("Kept page learner 5");
		Teachers.learner(this.mongo, this.schoolClass.id(), "Kept page learner 5");
		assertThat(browser.get(this.classPath).body()).contains("Kept page learner 5");

		// a colleague who joins the class shows in its teachers
		Account third = Teachers.create(this.accounts, "Third");
		this.classes.addTeacher(this.schoolClass.id(), third.id());
		assertThat(browser.get(this.classPath).body()).contains(third.email());
	}

	@Test
	void eachLanguageAndPathHasItsOwnPage() {
		Browserless browser = Teachers.signIn(this.port, this.owner);
		browser.get(this.classPath);
		String english = browser.get(this.classPath).body();
		String spanish = browser.get(this.classPath + "?lang=es").body();
		assertThat(english).contains("Assigned modules");
		assertThat(spanish).doesNotContain("Assigned modules");
		assertThat(browser.get(this.classPath + "?lang=en").body()).contains("Assigned modules");
	}

	private static List<String> tokens(String page) {
		List<String> tokens = new ArrayList<>();
		Matcher found = CSRF.matcher(page);
		while (found.find()) {
			tokens.add(found.group(1));
		}
		return tokens;
	}

}
