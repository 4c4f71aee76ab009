package org.safesteps.classroom;

import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.content.Band;

import static org.assertj.core.api.Assertions.assertThat;

/** A class's language as its learners' pages ask for it: kept for a few seconds, cleared by every change here. */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassLanguageViewTest {

	@Autowired
	ClassStore classes;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aChangeMadeHereShowsAtOnceAndOneMadeElsewhereWithinTheTimeToLive() {
		SchoolClass schoolClass = this.classes.create("Year 5", Band.AGES_8_10, UUID.randomUUID().toString(), "en");
		assertThat(this.classes.languageOf(schoolClass.id())).contains("en");

		this.classes.changeLanguage(schoolClass.id(), "es");
		assertThat(this.classes.languageOf(schoolClass.id())).as("changed through this instance").contains("es");

		// another app instance changes it: this one's learners keep the language they had for up to the TTL
		assertThat(this.mongo.getCollection("classes")
			.updateOne(Filters.eq("_id", new ObjectId(schoolClass.id())), Updates.set("language", "ar"))
			.getModifiedCount()).isOne();
		assertThat(this.classes.languageOf(schoolClass.id())).contains("es");
		assertThat(LearnerView.TTL).isLessThanOrEqualTo(java.time.Duration.ofSeconds(5));

		this.classes.delete(schoolClass.id());
		assertThat(this.classes.languageOf(schoolClass.id())).as("deleted here").isEmpty();
	}

}
