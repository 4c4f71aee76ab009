package org.safesteps.learner;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.safesteps.content.Band;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LearnerStoreTest {

	@Autowired
	LearnerStore store;

	@Autowired
	MongoTemplate mongo;

	@Test
	void pseudonymsAreUniqueInACrowdedClass() {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < 300; i++) {
			names.add(this.store.create("crowded-class", Band.AGES_8_10, Secrets.sha256("token-" + i)).pseudonym());
		}
		assertThat(names).hasSize(300);
		assertThat(this.store.inClass("crowded-class")).hasSize(300);
	}

	@Test
	void theDatabaseRefusesASecondLearnerWithTheSameNameInAClass() {
		Learner first = this.store.create("small-class", Band.AGES_5_7, Secrets.sha256("first"));
		Learner twin = new Learner(null, "small-class", first.pseudonym(), Band.AGES_5_7, Secrets.sha256("twin"), null,
				Instant.now(), Instant.now());
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.mongo.insert(twin));
		Learner elsewhere = new Learner(null, "other-class", first.pseudonym(), Band.AGES_5_7,
				Secrets.sha256("elsewhere"), null, Instant.now(), Instant.now());
		assertThat(this.mongo.insert(elsewhere).id()).isNotNull();
	}

	@Test
	void selfLearnersGetNumberedNamesSoTheyRarelyClash() {
		List<Learner> alone = List.of(this.store.create(null, Band.AGES_11_13, Secrets.sha256("a1")),
				this.store.create(null, Band.AGES_11_13, Secrets.sha256("a2")));
		assertThat(alone).allSatisfy((learner) -> assertThat(learner.pseudonym()).matches("[A-Z][a-z]+ [A-Z][a-z]+ \\d{4}"));
	}

}
