package org.safesteps.classroom;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.safesteps.content.Band;

import static org.assertj.core.api.Assertions.assertThat;

/** What a typed join code opens, read without mapping the whole class. */
// the web tests' configuration, so one application (Spring's context cache) serves both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JoinCodeLookupTest {

	@Autowired
	ClassStore classes;

	@Test
	void aCodeOpensItsOwnClassInItsBandWhileTheClassIsOpen() {
		String owner = UUID.randomUUID().toString();
		SchoolClass younger = this.classes.create("Year 2", Band.AGES_5_7, owner);
		SchoolClass older = this.classes.create("Year 9", Band.AGES_14_17, owner);

		assertThat(this.classes.findByJoinCode(younger.code()))
			.contains(new ClassStore.Joinable(younger.id(), Band.AGES_5_7, true));
		assertThat(this.classes.findByJoinCode(older.code()))
			.contains(new ClassStore.Joinable(older.id(), Band.AGES_14_17, true));

		this.classes.setOpen(older.id(), false);
		assertThat(this.classes.findByJoinCode(older.code())).as("closed to new learners, still found")
			.contains(new ClassStore.Joinable(older.id(), Band.AGES_14_17, false));

		this.classes.delete(younger.id());
		assertThat(this.classes.findByJoinCode(younger.code())).as("a deleted class's code opens nothing").isEmpty();
	}

}
