package org.safesteps.journeys;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.safesteps.content.Curriculum;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** WCAG 2.2 AA (axe-core) on every child page in every band, with form errors and results. */
class ChildPagesAccessibleIT extends JourneyTest {

	@Autowired
	ClassStore classes;

	@Autowired
	Curriculum curriculum;

	@Test
	void everyChildPageInEveryBandHasNoViolations() {
		List<String> failures = new ArrayList<>();
		failures.addAll(scan("/join"));
		find(By.id("code")).sendKeys("nope");
		find(By.cssSelector("form.form button[type=submit]")).click();
		failures.addAll(scanHere("/join (wrong code)"));
		failures.addAll(scan("/join/pictures"));
		find(By.cssSelector("form.picture-code button[type=submit]")).click();
		failures.addAll(scanHere("/join/pictures (missing)"));
		failures.addAll(scan("/explore"));
		failures.addAll(scan("/me"));
		for (Band band : Band.values()) {
			this.driver.manage().deleteAllCookies();
			failures.addAll(scan("/explore/" + band.id()));
			SchoolClass schoolClass = this.classes.create("Class " + band.id(), band, "teacher-a11y");
			ChildPages.join(this, schoolClass.joinCode());
			failures.addAll(scanHere("/learn"));
			String module = this.curriculum.modulesFor(band).get(0).id();
			failures.addAll(scan("/learn/" + module));
			failures.addAll(scan("/learn/" + module + "/quiz"));
			find(By.cssSelector("form.quiz button[type=submit]")).click();
			failures.addAll(scanHere("/learn/" + module + "/quiz (missing answers)"));
			ChildPages.answer(this.driver, this.curriculum.module(module).orElseThrow().quiz(band).orElseThrow(), false);
			failures.addAll(scanHere("/learn/" + module + "/quiz (result)"));
			failures.addAll(scan("/me"));
			find(By.cssSelector("form[action='/me/resume-code'] button")).click();
			failures.addAll(scanHere("/me (resume code)"));
		}
		find(By.cssSelector("form[action='/me/forget'] button")).click();
		failures.addAll(scanHere("/me/forgotten"));
		assertThat(failures).isEmpty();
	}

	private List<String> scan(String path) {
		open(path);
		return scanHere(path);
	}

	private List<String> scanHere(String label) {
		find(By.tagName("h1"));
		Results results = new AxeBuilder().withTags(AccessibilityIT.TAGS).analyze(this.driver);
		String theme = this.driver.findElement(By.tagName("body")).getAttribute("class");
		List<String> problems = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			problems.add(label + " [" + theme + "] " + rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(3).toList());
		}
		return problems;
	}

}
