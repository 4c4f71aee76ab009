package org.safesteps.journeys;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A child makes a resume code at school and carries on at home, in a browser that knows nothing. */
class ChildResumesOnAnotherDeviceIT extends JourneyTest {

	@Autowired
	ClassStore classes;

	@Test
	void theResumeCodeBringsTheSameLearnerAndProgressToAFreshBrowser() {
		SchoolClass schoolClass = this.classes.create("Year 8 Elm", Band.AGES_11_13, "teacher-journey");
		ChildPages.join(this, schoolClass.joinCode());
		open("/learn/trusted-adults?step=2");
		open("/me");
		String name = heading().replace("You are ", "");
		find(By.cssSelector("form[action='/me/resume-code'] button")).click();
		String code = find(By.cssSelector(".resume-code")).getText();
		assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");

		this.driver.manage().deleteAllCookies();
		open("/learn");
		waitForPath("/explore");

		ChildPages.join(this, code);
		assertThat(find(By.cssSelector(".lead")).getText()).contains(name);
		assertThat(find(By.tagName("main")).getText()).contains("Step 2 of");
	}

}
