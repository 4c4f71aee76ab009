package org.safesteps.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.conformance.ConformanceReport;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.safesteps.content.GuidePage;
import org.safesteps.content.Lesson;
import org.safesteps.content.Module;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.2 AA with axe-core on every route of the URL table (docs: shared DESIGN.md) in every theme
 * it appears in, in each state that changes the page: form errors, quiz results, each display
 * option and all of them at once. Also checks target sizes (24px everywhere, 44px for the controls
 * of the two youngest bands). One Chrome for all of it, with axe-core loaded into every page it
 * opens; each template x theme x state once (pages that differ only in their text are not scanned
 * again); writes target/accessibility-report.md.
 */
// the longest browser test starts first: failsafe runs two classes at a time (pom.xml)
@Order(1)
class AccessibilityIT extends JourneyTest {

	static final List<String> TAGS = Axe.TAGS;

	static final String ALL_OPTIONS = "larger-text.dyslexia-font.high-contrast.reduced-motion.read-aloud";

	/** Each display option on its own, then all at once (cookie values of safesteps_display). */
	static final Map<String, String> DISPLAY_STATES = new LinkedHashMap<>();

	static {
		for (String option : List.of("larger-text", "dyslexia-font", "high-contrast", "reduced-motion", "read-aloud")) {
			DISPLAY_STATES.put("display: " + option, option);
		}
		DISPLAY_STATES.put("display: all options", ALL_OPTIONS);
	}

	private static final String TARGET_SIZES = """
			const young = document.body.classList.contains('theme-ages-5-7') || document.body.classList.contains('theme-ages-8-10');
			const bad = [];
			for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
			  if (el.closest('[hidden]') || el.classList.contains('skip-link')) continue;
			  const boxed = (el.type === 'radio' || el.type === 'checkbox') && el.labels && el.labels.length;
			  const target = boxed ? el.labels[0] : el;
			  const r = target.getBoundingClientRect();
			  if (r.width === 0 && r.height === 0) continue;
			  const style = getComputedStyle(el);
			  // Links in a sentence or a list of text are exempt (WCAG 2.5.8 "inline").
			  if (el.tagName === 'A' && style.display === 'inline') {
			    const block = el.closest('p, li, td, th, dd, figcaption, div');
			    if (!block || block.textContent.trim() !== el.textContent.trim()) continue;
			    if (!el.closest('nav, header, footer, .step-nav, .next-steps')) continue;
			  }
			  const control = el.tagName !== 'A' || el.classList.contains('button') || el.closest('nav, .step-nav');
			  const min = (young && control) ? 44 : 24;
			  if (r.height < min - 0.5 || r.width < 24 - 0.5) {
			    bad.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + (el.className || '') + ' "'
			      + (el.textContent || el.value || '').trim().slice(0, 30) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
			  }
			}
			return bad;
			""";

	/** Markup that renders differently on a slide: each callout kind, tables, pictures, disclosures. */
	private static final Pattern MARKUP_KIND = Pattern.compile("callout-[a-z]+|<table|<img|<details");

	private static final List<String> REPORT = new ArrayList<>();

	/** docs/accessibility-conformance-report.md: a violation of a criterion it marks "Supports" is named as such. */
	private static final ConformanceReport CONFORMANCE = ConformanceReport.read(ConformanceReport.FILE);

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Autowired
	AccountStore accounts;

	private final List<String> failures = new ArrayList<>();

	private Axe axe;

	@BeforeAll
	void axeInEveryPage() {
		this.axe = Axe.inEveryPage(this.driver);
	}

	@BeforeEach
	void noFailuresYet() {
		this.failures.clear();
	}

	@Test
	void publicAndParentPagesHaveNoViolations() {
		List<String> pages = new ArrayList<>(List.of("/", "/privacy", "/privacy/full", "/help", "/help?country=FR",
				"/parents", "/login", "/login?error", "/login?signedOut", "/no-such-page", "/parents/no-such-guide",
				"/display", "/explore", "/me", "/join/pictures"));
		// the guide template, urgent and not, with each kind of markup the guides have (not every guide:
		// the rest is the same template and theme with other text)
		Set<String> seen = new HashSet<>();
		for (GuidePage guide : this.curriculum.guideList()) {
			if (newMarkup(seen, guide.body().forCountry("GB"), guide.urgent() ? "urgent" : "not urgent")) {
				pages.add("/parents/" + guide.id());
			}
		}
		pages.addAll(List.of("/papers/dpia", "/papers/retention", "/papers/accessibility"));
		for (Band band : Band.values()) {
			pages.add("/help?country=GB&band=" + band.id());
			pages.add("/display?band=" + band.id());
		}
		pages.forEach(this::scan);
		joinWithAWrongCode();
		open("/join/pictures");
		find(By.cssSelector("form.picture-code button[type=submit]")).click();
		scanHere("/join/pictures", "form errors");

		for (Map.Entry<String, String> state : DISPLAY_STATES.entrySet()) {
			display(state.getValue());
			for (String page : List.of("/", "/parents/sextortion", "/login?error", "/display")) {
				scan(page, state.getKey());
			}
		}
		display(ALL_OPTIONS);
		for (String page : List.of("/help?country=GB", "/parents", "/privacy", "/no-such-page", "/join/pictures")) {
			scan(page, "display: all options");
		}
		assertThat(this.failures).isEmpty();
	}

	@Test
	void childPagesInEveryBandHaveNoViolations() {
		String joinCode = null;
		for (Band band : Band.values()) {
			this.driver.manage().deleteAllCookies();
			scan("/explore/" + band.id());
			SchoolClass schoolClass = this.classes.create("Class " + band.id(), band, "teacher-a11y");
			joinCode = schoolClass.joinCode();
			ChildPages.join(this, joinCode);
			scanHere("/learn", "");
			Module module = this.curriculum.modulesFor(band).get(0);
			Lesson lesson = module.lesson(band).orElseThrow();
			String lessonPath = "/learn/" + module.id();
			scan(lessonPath);
			scan(lessonPath + "?step=" + lesson.steps().size());
			quizStates(band, module, "");
			scan("/me/results/" + module.id());
			for (Map.Entry<String, String> state : DISPLAY_STATES.entrySet()) {
				display(state.getValue());
				scan(lessonPath, state.getKey());
			}
			quizStates(band, module, "display: all options");
			display(null);
			// last: the resume code moves this learner off the device (before the display states, they
			// needed a second join in every band)
			scan("/me");
			find(By.cssSelector("form[action='/me/resume-code'] button")).click();
			scanHere("/me", "resume code shown");
		}
		ChildPages.join(this, joinCode);
		open("/me");
		find(By.cssSelector("form[action='/me/forget'] button")).click();
		scanHere("/me/forgotten", "");
		assertThat(this.failures).isEmpty();
	}

	@Test
	void teacherAndAdminPagesHaveNoViolations() {
		String email = "a11y-" + UUID.randomUUID() + "@school.example";
		Account admin = this.accounts.create(email, "Ada Access", "a long admin passphrase", true);
		SchoolClass schoolClass = this.classes.create("Year 8 green", Band.AGES_11_13, admin.id());
		ChildPages.join(this, schoolClass.joinCode());
		this.driver.manage().deleteAllCookies();

		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys("a long admin passphrase");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
		scanHere("/teacher", "");
		find(By.cssSelector("form[action='/teacher/classes'] button[type=submit]")).click();
		scanHere("/teacher", "form errors");

		String classPath = "/teacher/classes/" + schoolClass.id();
		scan(classPath);
		String learner = find(By.cssSelector("a[href*='/learner?pseudonym=']")).getDomAttribute("href");
		scan(learner);
		scan(classPath + "/letter");
		scan(classPath + "/poster");
		scan("/teacher/modules");
		scan("/teacher/modules/sextortion/ages-11-13");
		open(classPath);
		new Select(find(By.id("moduleId"))).selectByValue("sextortion");
		find(By.cssSelector("form[action$='/assignments'] button[type=submit]")).click();
		scanHere(classPath + "/assignments", "sensitive module confirmation");
		find(By.cssSelector("main form button[type=submit]")).click();
		find(By.id("assignments"));
		scanHere(classPath, "a module assigned");

		scan(classPath + "/coverage");
		scan(classPath + "/confidence");
		scan("/admin/school");
		scan("/admin/school/questions");
		scan("/admin/school/coverage");
		scan("/admin/school/confidence");
		scan("/admin/lti");
		scan("/admin/teachers");
		find(By.cssSelector("form[action='/admin/teachers'] button[type=submit]")).click();
		scanHere("/admin/teachers", "form errors");
		find(By.id("email")).sendKeys("new-" + UUID.randomUUID() + "@school.example");
		find(By.cssSelector("form[action='/admin/teachers'] button[type=submit]")).click();
		String invite = find(By.id("invite-link")).getText();
		scanHere("/admin/teachers", "invite link shown");

		for (Map.Entry<String, String> state : DISPLAY_STATES.entrySet()) {
			display(state.getValue());
			scan(classPath, state.getKey());
		}
		scan("/teacher", "display: all options");
		scan("/admin/teachers", "display: all options");
		scan("/admin/school", "display: all options");
		display(null);

		this.driver.manage().deleteAllCookies();
		this.driver.get(invite);
		scanHere("/invite/{token}", "");
		find(By.cssSelector("main form button[type=submit]")).click();
		scanHere("/invite/{token}", "form errors");
		assertThat(this.failures).isEmpty();
	}

	/** Teaching from the front (issue 27): every slide of every board, the notes, the class quiz and the packs. */
	@Test
	void teachingFromTheFrontPagesHaveNoViolations() {
		String email = "front-a11y-" + UUID.randomUUID() + "@school.example";
		Account teacher = this.accounts.create(email, "Ada Front", "a long teacher passphrase", false);
		SchoolClass schoolClass = this.classes.create("Year 5 front", Band.AGES_8_10, teacher.id());
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys("a long teacher passphrase");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
		// Each band's theme on each distinct slide of one lesson: the first (no "Previous"), the slides
		// that bring a callout kind or a table not seen yet, the last lesson step and the help slide
		// (no "Next"); the notes of the first and last slide; the pack and the answer key. The other
		// modules' slides are the same template in the same theme with other text: the lesson text is
		// checked by the content tests, and its markup kinds are what the distinct slides cover.
		for (Band band : Band.values()) {
			String base = "/teacher/modules/online-friends/" + band.id();
			scan(base + "/pack?country=GB");
			scan(base + "/answers");
			Lesson lesson = this.curriculum.module("online-friends").orElseThrow().lesson(band).orElseThrow();
			int slides = lesson.steps().size() + 1;
			for (int step : distinctSlides(lesson)) {
				scan(base + "/present?step=" + step + "&country=GB");
			}
			scan(base + "/present?step=" + slides + "&country=GB", "help slide");
			scan(base + "/present/notes?step=1&country=GB");
			scan(base + "/present/notes?step=" + slides + "&country=GB");
		}
		String quiz = "/teacher/classes/" + schoolClass.id() + "/class-quiz/online-friends";
		scan(quiz);
		scan(quiz + "?reveal=true");
		find(By.cssSelector("form[action*='/tally'] button[type=submit]")).click();
		scanHere(quiz + "/tally", "form errors");
		display(ALL_OPTIONS);
		scan("/teacher/modules/online-friends/ages-5-7/present?step=2", "display: all options");
		scan(quiz + "?reveal=true", "display: all options");
		scan("/teacher/modules/online-friends/ages-5-7/pack", "display: all options");
		display(null);
		assertThat(this.failures).isEmpty();
	}

	/**
	 * The lesson steps (counted from 1) that together show every kind of markup the lesson has: the
	 * first and the last step, and each step that brings a callout kind or a table not shown yet.
	 */
	static List<Integer> distinctSlides(Lesson lesson) {
		Set<String> seen = new HashSet<>();
		List<Integer> steps = new ArrayList<>();
		for (int i = 0; i < lesson.steps().size(); i++) {
			boolean firstOrLast = i == 0 || i == lesson.steps().size() - 1;
			if (newMarkup(seen, lesson.steps().get(i).body().forCountry("GB"), "") || firstOrLast) {
				steps.add(i + 1);
			}
		}
		return steps;
	}

	/** Adds the markup kinds of {@code html} (and {@code kind}) to {@code seen}; whether any was new. */
	private static boolean newMarkup(Set<String> seen, String html, String kind) {
		Set<String> kinds = new HashSet<>();
		if (!kind.isEmpty()) {
			kinds.add(kind);
		}
		Matcher found = MARKUP_KIND.matcher(html);
		while (found.find()) {
			kinds.add(found.group());
		}
		return seen.addAll(kinds);
	}

	/** The quiz, the quiz sent with no answers, and its result (all answers wrong: every kind of feedback). */
	private void quizStates(Band band, Module module, String state) {
		String quizPath = "/learn/" + module.id() + "/quiz";
		scan(quizPath, state);
		find(By.cssSelector("form.quiz button[type=submit]")).click();
		scanHere(quizPath, join(state, "missing answers"));
		ChildPages.answer(this.driver, module.quiz(band).orElseThrow(), false);
		scanHere(quizPath, join(state, "result"));
	}

	private void joinWithAWrongCode() {
		open("/join");
		scanHere("/join", "");
		find(By.id("code")).sendKeys("nope");
		find(By.cssSelector("form.form button[type=submit]")).click();
		scanHere("/join", "form errors");
	}

	/** Sets the display options cookie as /display would (null: none). */
	private void display(String value) {
		this.driver.manage().deleteCookieNamed("safesteps_display");
		if (value != null) {
			this.driver.manage().addCookie(new Cookie("safesteps_display", value, "/"));
		}
	}

	private void scan(String path) {
		scan(path, "");
	}

	private void scan(String path, String state) {
		open(path);
		scanHere(path, state);
	}

	private void scanHere(String route, String state) {
		find(By.tagName("h1"));
		Results results = this.axe.run(this.driver);
		String theme = this.driver.findElement(By.tagName("body")).getAttribute("class").split(" ")[0].replace("theme-", "");
		String label = route + " [" + theme + (state.isEmpty() ? "" : ", " + state) + "] ";
		for (Rule rule : results.getViolations()) {
			this.failures.add(label + rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(3).toList());
			CONFORMANCE.supportedButBroken(rule.getTags())
				.forEach((criterion) -> this.failures.add(label + "the conformance report says Supports for " + criterion));
		}
		@SuppressWarnings("unchecked")
		List<String> small = (List<String>) ((JavascriptExecutor) this.driver).executeScript(TARGET_SIZES);
		small.forEach((target) -> this.failures.add(label + "target-size (SafeSteps): " + target));
		if (!small.isEmpty()) {
			CONFORMANCE.supportedButBroken(List.of("wcag258"))
				.forEach((criterion) -> this.failures.add(label + "the conformance report says Supports for " + criterion));
		}
		int h1 = this.driver.findElements(By.tagName("h1")).size();
		if (h1 != 1) {
			this.failures.add(label + "one h1: found " + h1);
		}
		synchronized (REPORT) {
			REPORT.add("| " + route.replace("|", "\\|") + " | " + theme + " | " + (state.isEmpty() ? "-" : state) + " | "
					+ results.getPasses().size() + " | " + (results.getViolations().size() + small.size()) + " | "
					+ results.getViolations().stream().map(Rule::getId).collect(Collectors.joining(", "))
					+ (small.isEmpty() ? "" : " target-size") + " |");
		}
	}

	private static String join(String state, String more) {
		return state.isEmpty() ? more : state + ", " + more;
	}

	@AfterAll
	void writeReport() throws IOException {
		Path file = Path.of("target", "accessibility-report.md");
		Files.createDirectories(file.getParent());
		List<String> lines = new ArrayList<>(List.of("# Accessibility scan (axe-core " + Axe.VERSION + ", " + String.join(", ", TAGS) + ")", "",
				"Every route of the URL table in every theme it appears in, in each state that changes the page.",
				"Pages that share a template and theme with one scanned (the other modules' slides, the other",
				"parent guides) are scanned once for each kind of markup they show (callout kinds, tables).",
				"Violations count axe-core rules broken plus SafeSteps' own target-size check (24px; 44px for",
				"the controls of ages 5-7 and 8-10). Not scanned: /setup (needs the one-time token printed at",
				"start-up), /teacher/classes/{id}/report.csv and /actuator/health (not HTML), /logout (redirects",
				"to /login?signedOut, scanned).", "",
				"| route | theme | state | rules passed | violations | rules violated |",
				"| --- | --- | --- | --- | --- | --- |"));
		synchronized (REPORT) {
			lines.addAll(REPORT);
			lines.add("");
			lines.add(REPORT.size() + " scans.");
		}
		Files.write(file, lines);
	}

}
