package org.safesteps.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.safesteps.account.Account;
import org.safesteps.support.Browserless;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route x every kind of visitor, against a table of what each may do. The routes come from
 * Spring MVC itself, so a new route without a line in the table fails this test. Each request runs
 * against fresh classes (path variables are class A's ids), over HTTPS as behind the proxy, and
 * every response is also checked for the security headers and cookie flags.
 *
 * <p>Outcomes: {@code 200}; {@code login} (302 to the sign-in page); {@code 302} (done, redirected
 * on); {@code explore}/{@code me} (302 to where a child without a learner cookie starts); or the
 * error status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTest extends RouteSweep {

	enum Role {

		ANONYMOUS, LEARNER_A, LEARNER_B, TEACHER_A, CO_TEACHER_A, TEACHER_B, ADMIN

	}

	static final String PASSWORD = "long enough matrix passphrase";

	/** Route -> outcome for: anonymous, learner A, learner B, teacher A, co-teacher A, teacher B, admin. */
	static final Map<String, String> EXPECTED = new LinkedHashMap<>();

	static {
		expect("GET /", "200 200 200 200 200 200 200");
		expect("GET /admin/data", "login login login 403 403 403 200");
		expect("POST /admin/data/backup", "login login login 403 403 403 200");
		expect("GET /admin/data/backups/{name}", "login login login 403 403 403 404");
		expect("GET /admin/school", "login login login 403 403 403 200");
		expect("GET /admin/school/questions", "login login login 403 403 403 200");
		expect("GET /admin/school/questions.csv", "login login login 403 403 403 200");
		expect("GET /admin/teachers", "login login login 403 403 403 200");
		// LTI 1.3: registration is admin-only; /lti/* is public but refuses anything but a platform's valid launch
		expect("GET /admin/lti", "login login login 403 403 403 200");
		expect("POST /admin/lti", "login login login 403 403 403 302");
		expect("GET /admin/lti/{registrationId}", "login login login 403 403 403 404");
		expect("POST /admin/lti/{registrationId}", "login login login 403 403 403 404");
		expect("POST /admin/lti/{registrationId}/enabled", "login login login 403 403 403 404");
		expect("POST /admin/lti/{registrationId}/delete", "login login login 403 403 403 404");
		expect("POST /admin/lti/keys/rotate", "login login login 403 403 403 302");
		expect("GET /lti/jwks", "200 200 200 200 200 200 200");
		expect("GET /lti/deep-link/{token}", "404 404 404 404 404 404 404");
		expect("POST /lti/deep-link/{token}", "404 404 404 404 404 404 404");
		expect("GET /lti/launch", "400 400 400 400 400 400 400");
		expect("POST /lti/launch", "400 400 400 400 400 400 400");
		expect("GET /lti/login", "400 400 400 400 400 400 400");
		expect("POST /lti/login", "400 400 400 400 400 400 400");
		// curriculum coverage (issue 22)
		expect("GET /admin/school/coverage", "login login login 403 403 403 200");
		expect("GET /admin/school/coverage.csv", "login login login 403 403 403 200");
		expect("GET /admin/school/confidence", "login login login 403 403 403 200");
		expect("GET /admin/school/confidence.csv", "login login login 403 403 403 200");
		expect("GET /teacher/classes/{classId}/confidence", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/confidence.csv", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/coverage", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/coverage.csv", "login login login 200 200 404 404");
		expect("POST /admin/teachers", "login login login 403 403 403 302");
		expect("POST /admin/teachers/{accountId}/status", "login login login 403 403 403 302");
		expect("GET /display", "200 200 200 200 200 200 200");
		expect("POST /display", "302 302 302 302 302 302 302");
		expect("GET /language", "302 302 302 302 302 302 302");
		expect("POST /language", "302 302 302 302 302 302 302");
		expect("GET /error", "404 404 404 404 404 404 404");
		expect("POST /error", "404 404 404 404 404 404 404");
		expect("GET /explore", "200 200 200 200 200 200 200");
		expect("GET /explore/{bandId}", "200 200 200 200 200 200 200");
		expect("POST /explore/{bandId}", "302 302 302 302 302 302 302");
		expect("GET /help", "200 200 200 200 200 200 200");
		expect("GET /invite/{token}", "410 410 410 410 410 410 410");
		expect("POST /invite/{token}", "410 410 410 410 410 410 410");
		expect("GET /join", "200 200 200 200 200 200 200");
		expect("POST /join", "302 302 302 302 302 302 302");
		expect("GET /join/pictures", "200 200 200 200 200 200 200");
		expect("POST /join/pictures", "200 200 200 200 200 200 200");
		expect("GET /learn", "explore 200 200 explore explore explore explore");
		expect("GET /learn/{moduleId}", "explore 200 200 explore explore explore explore");
		expect("GET /learn/{moduleId}/quiz", "explore 200 200 explore explore explore explore");
		// the confidence check (issue 22)
		expect("GET /learn/{moduleId}/check/{phase}", "explore 200 200 explore explore explore explore");
		expect("POST /learn/{moduleId}/check/{phase}", "explore 302 302 explore explore explore explore");
		expect("POST /learn/{moduleId}/quiz", "explore 200 200 explore explore explore explore");
		expect("GET /login", "200 200 200 200 200 200 200");
		expect("GET /me", "200 200 200 200 200 200 200");
		expect("GET /me/results/{moduleId}", "me 404 404 me me me me");
		expect("POST /me/forget", "302 302 302 302 302 302 302");
		expect("GET /me/forgotten", "200 200 200 200 200 200 200");
		expect("POST /me/resume-code", "me 200 200 me me me me");
		expect("GET /parents", "200 200 200 200 200 200 200");
		expect("GET /parents/{pageId}", "200 200 200 200 200 200 200");
		expect("GET /papers/{paper}", "200 200 200 200 200 200 200");
		expect("GET /privacy", "200 200 200 200 200 200 200");
		expect("GET /privacy/full", "200 200 200 200 200 200 200");
		expect("GET /setup", "404 404 404 404 404 404 404");
		expect("POST /setup", "404 404 404 404 404 404 404");
		expect("GET /teacher", "login login login 200 200 200 200");
		expect("POST /teacher/classes", "login login login 302 302 302 302");
		expect("GET /teacher/classes/{classId}", "login login login 200 200 404 404");
		expect("POST /teacher/classes/{classId}/assignments", "login login login 302 302 404 404");
		expect("POST /teacher/classes/{classId}/assignments/{moduleId}/move", "login login login 302 302 404 404");
		expect("POST /teacher/classes/{classId}/assignments/{moduleId}/remove", "login login login 302 302 404 404");
		expect("POST /teacher/classes/{classId}/code", "login login login 302 302 404 404");
		expect("POST /teacher/classes/{classId}/delete", "login login login 302 403 404 404");
		expect("POST /teacher/classes/{classId}/joining", "login login login 302 302 404 404");
		expect("GET /teacher/classes/{classId}/learner", "login login login 200 200 404 404");
		expect("POST /teacher/classes/{classId}/language", "login login login 400 400 404 404");
		expect("GET /teacher/classes/{classId}/questions/{moduleId}", "login login login 200 200 404 404");
		expect("POST /teacher/classes/{classId}/learners/remove", "login login login 302 302 404 404");
		expect("GET /teacher/classes/{classId}/letter", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/poster", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/report.csv", "login login login 200 200 404 404");
		expect("POST /teacher/classes/{classId}/teachers", "login login login 302 302 404 404");
		expect("POST /teacher/classes/{classId}/teachers/{accountId}/remove", "login login login 302 403 404 404");
		// teaching from the front (issue 27)
		expect("GET /teacher/classes/{classId}/present/{moduleId}", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/present/{moduleId}/notes", "login login login 200 200 404 404");
		expect("GET /teacher/classes/{classId}/class-quiz/{moduleId}", "login login login 200 200 404 404");
		expect("POST /teacher/classes/{classId}/class-quiz/{moduleId}/tally", "login login login 400 400 404 404");
		expect("POST /teacher/classes/{classId}/taught/{moduleId}", "login login login 302 302 404 404");
		expect("GET /teacher/modules/{moduleId}/{bandId}/present", "login login login 200 200 200 200");
		expect("GET /teacher/modules/{moduleId}/{bandId}/present/notes", "login login login 200 200 200 200");
		expect("GET /teacher/modules/{moduleId}/{bandId}/pack", "login login login 200 200 200 200");
		expect("GET /teacher/modules/{moduleId}/{bandId}/answers", "login login login 200 200 200 200");
		expect("GET /teacher/modules", "login login login 200 200 200 200");
		expect("GET /teacher/modules/{moduleId}/{bandId}", "login login login 200 200 200 200");
	}

	final Map<String, Account> teachers = new LinkedHashMap<>();

	final Map<Role, Browserless> visitors = new EnumMap<>(Role.class);

	@BeforeAll
	void signIn() {
		this.teachers.put("teacherA", account("teacher-a", false));
		this.teachers.put("coTeacherA", account("co-teacher-a", false));
		this.teachers.put("teacherB", account("teacher-b", false));
		this.teachers.put("admin", account("admin", true));
		for (Role role : List.of(Role.ANONYMOUS, Role.LEARNER_A, Role.LEARNER_B)) {
			Browserless visitor = browser().viaHttpsProxy();
			visitor.get("/join");
			this.visitors.put(role, visitor);
		}
		this.visitors.put(Role.TEACHER_A, signedIn("teacherA"));
		this.visitors.put(Role.CO_TEACHER_A, signedIn("coTeacherA"));
		this.visitors.put(Role.TEACHER_B, signedIn("teacherB"));
		this.visitors.put(Role.ADMIN, signedIn("admin"));
	}

	@Test
	void everyRouteHasAnExpectedOutcomeForEveryRole() {
		List<String> missing = routes().stream()
			.map(Routes.Route::key)
			.filter((key) -> !EXPECTED.containsKey(key))
			.toList();
		assertThat(missing).as("routes without a line in the authorisation table").isEmpty();
	}

	@Test
	void everyRoleGetsExactlyTheExpectedOutcomeOnEveryRouteWithSecurityHeaders() {
		List<String> wrong = new ArrayList<>();
		List<String> actualTable = new ArrayList<>();
		int requests = 0;
		for (Routes.Route route : routes()) {
			List<String> outcomes = new ArrayList<>();
			for (Role role : Role.values()) {
				World world = world(route);
				Browserless visitor = visitor(role, world);
				HttpResponse<String> response = visitor.send(route.method(), route.path(world.variables(route.pattern())),
						world.fields(route.key()));
				requests++;
				outcomes.add(outcome(response));
				SecurityHeaders.check(response, true, route.key() + " as " + role, wrong);
			}
			String actual = String.join(" ", outcomes);
			actualTable.add("expect(\"" + route.key() + "\", \"" + actual + "\");");
			if (EXPECTED.containsKey(route.key()) && !EXPECTED.get(route.key()).equals(actual)) {
				wrong.add(route.key() + ": expected " + EXPECTED.get(route.key()) + " but was " + actual);
			}
		}
		System.out.printf("Authorisation matrix: %d routes x %d roles = %d requests%n", actualTable.size(),
				Role.values().length, requests);
		assertThat(wrong).as("outcomes differing from the table; actual table:%n%s", String.join("\n", actualTable))
			.isEmpty();
	}

	private Browserless visitor(Role role, World world) {
		Browserless visitor = this.visitors.get(role);
		// a POST /join earlier in the sweep gives any visitor a learner cookie: only learners keep one
		visitor.cookie("safesteps_learner", null);
		if (role == Role.LEARNER_A) {
			visitor.cookie("safesteps_learner", world.tokenA());
		}
		if (role == Role.LEARNER_B) {
			visitor.cookie("safesteps_learner", world.tokenB());
		}
		return visitor;
	}

	private World world(Routes.Route route) {
		return world(this.teachers, route.key().equals("POST /admin/teachers/{accountId}/status")
				|| route.key().equals("POST /teacher/classes/{classId}/teachers"));
	}

	private static String outcome(HttpResponse<String> response) {
		if (response.statusCode() == 302) {
			String location = response.headers().firstValue("Location").orElse("");
			String path = location.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
			return switch (path) {
				case "/login" -> "login";
				case "/explore" -> "explore";
				case "/me" -> "me";
				default -> "302";
			};
		}
		return Integer.toString(response.statusCode());
	}

	private Account account(String label, boolean admin) {
		return account(label, PASSWORD, admin);
	}

	private Browserless signedIn(String who) {
		return browser().viaHttpsProxy().signIn(this.teachers.get(who).email(), PASSWORD);
	}

	private static void expect(String route, String outcomes) {
		EXPECTED.put(route, outcomes);
	}

}
