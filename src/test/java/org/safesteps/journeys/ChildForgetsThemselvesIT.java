package org.safesteps.journeys;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.SchoolClass;
import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A child on a shared computer asks SafeSteps to forget them. */
class ChildForgetsThemselvesIT extends JourneyTest {

	@Autowired
	ClassStore classes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void forgetMeDeletesEverythingAndTheBrowserNoLongerKnowsTheChild() {
		SchoolClass schoolClass = this.classes.create("Year 3 Fir", Band.AGES_5_7, "teacher-journey");
		ChildPages.join(this, schoolClass.joinCode());
		open("/learn/trusted-adults?step=2");
		assertThat(this.mongo.getCollection("learners").countDocuments(new Document("classId", schoolClass.id())))
			.isEqualTo(1);
		String learnerId = this.mongo.getCollection("learners").find(new Document("classId", schoolClass.id())).first()
			.get("_id").toString();

		open("/me");
		find(By.cssSelector("form[action='/me/forget'] button")).click();
		waitForPath("/me/forgotten");
		assertThat(heading()).isEqualTo("Done: we have forgotten you");

		assertThat(this.mongo.getCollection("learners").countDocuments(new Document("classId", schoolClass.id())))
			.isZero();
		assertThat(this.mongo.getCollection("progress").countDocuments(new Document("learnerId", learnerId))).isZero();
		assertThat(this.driver.manage().getCookieNamed("safesteps_learner")).isNull();
		open("/me");
		assertThat(heading()).isEqualTo("You have not started yet");
	}

}
