package org.safesteps.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import org.safesteps.account.Account;
import org.safesteps.account.AccountStore;
import org.safesteps.classroom.AssignmentStore;
import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG 2.2 AA with axe-core on every page type in every theme it appears in, including states
 * that change the page (form errors). Writes target/accessibility-report.md.
 */
class AccessibilityIT extends JourneyTest {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private final List<String> report = new ArrayList<>();

	@Autowired
	AccountStore accounts;

	@Autowired
	ClassStore classes;

	@Autowired
	AssignmentStore assignments;

	@Test
	void everyPublicPageInEveryThemeHasNoViolations() {
		List<String> pages = new ArrayList<>(List.of("/", "/privacy", "/privacy/full", "/help", "/help?country=FR",
				"/parents", "/parents/sextortion", "/parents/threatened-image", "/login", "/login?error", "/no-such-page"));
		for (String band : List.of("ages-5-7", "ages-8-10", "ages-11-13", "ages-14-17")) {
			pages.add("/help?country=GB&band=" + band);
		}
		List<String> failures = new ArrayList<>();
		for (String page : pages) {
			failures.addAll(scan(page));
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void adminPagesHaveNoViolations() {
		String email = "axe-admin-" + UUID.randomUUID() + "@school.example";
		Account admin = this.accounts.create(email, "Axe Admin", "a long admin passphrase", true);
		SchoolClass schoolClass = this.classes.create("Year 4 axe", Band.AGES_8_10, admin.id());
		this.assignments.assign(schoolClass.id(), "trusted-adults", null, 0);
		open("/login");
		find(By.id("username")).sendKeys(email);
		find(By.id("password")).sendKeys("a long admin passphrase");
		find(By.cssSelector("main form button[type=submit]")).click();
		waitForPath("/teacher");
		List<String> failures = new ArrayList<>();
		for (String page : List.of("/admin/school", "/admin/teachers")) {
			failures.addAll(scan(page));
		}
		assertThat(failures).isEmpty();
	}

	List<String> scan(String path) {
		open(path);
		find(By.tagName("h1"));
		Results results = new AxeBuilder().withTags(TAGS).analyze(this.driver);
		String theme = this.driver.findElement(By.tagName("body")).getAttribute("class");
		List<String> problems = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			String targets = rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(3)
				.collect(Collectors.joining(", "));
			problems.add(path + " [" + theme + "] " + rule.getId() + ": " + rule.getHelp() + " at " + targets);
		}
		this.report.add("| " + path + " | " + theme + " | " + results.getPasses().size() + " | " + results.getViolations().size()
				+ " | " + results.getViolations().stream().map(Rule::getId).collect(Collectors.joining(", ")) + " |");
		return problems;
	}

	@AfterAll
	void writeReport() throws IOException {
		Path file = Path.of("target", "accessibility-report.md");
		Files.createDirectories(file.getParent());
		List<String> lines = new ArrayList<>(List.of("# Accessibility scan (axe-core, " + String.join(", ", TAGS) + ")", "",
				"| page | theme | rules passed | violations | rules violated |", "| --- | --- | --- | --- | --- |"));
		lines.addAll(this.report);
		Files.write(file, lines);
	}

}
