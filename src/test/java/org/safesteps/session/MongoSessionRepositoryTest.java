package org.safesteps.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The session store against the embedded server: expiry by query, cleanup, writes only on change. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MongoSessionRepositoryTest {

	static final SessionProperties PROPERTIES = new SessionProperties(Duration.ofHours(8), Duration.ofMinutes(1),
			Duration.ofMinutes(15), "safesteps_session");

	final Instant start = Instant.parse("2026-11-23T09:00:00Z");

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SessionCleanup cleanup;

	@Test
	void aSessionIsFoundUntilItHasBeenIdleForTheTimeoutAndThenIsAbsent() {
		MongoSession session = at(this.start).createSession();
		session.setAttribute("greeting", "hello");
		at(this.start).save(session);

		MongoSession found = at(this.start.plus(Duration.ofHours(7))).findById(session.getId());
		assertThat(found).isNotNull();
		assertThat((String) found.getAttribute("greeting")).isEqualTo("hello");
		assertThat(at(this.start.plus(Duration.ofHours(8))).findById(session.getId())).as("expired = absent").isNull();
		assertThat(at(this.start).findById("not-a-session")).isNull();
		assertThat(at(this.start).findById("x".repeat(500))).isNull();
	}

	@Test
	void aRequestAfterTheTouchIntervalKeepsTheSessionAliveAndOneWithinItWritesNothing() {
		MongoSession session = at(this.start).createSession();
		at(this.start).save(session);
		Document before = stored(session.getId());

		MongoSession soon = at(this.start).findById(session.getId());
		soon.setLastAccessedTime(this.start.plusSeconds(30));
		at(this.start.plusSeconds(30)).save(soon);
		assertThat(stored(session.getId())).as("nothing written within a minute").isEqualTo(before);

		MongoSession later = at(this.start.plus(Duration.ofHours(7))).findById(session.getId());
		later.setLastAccessedTime(this.start.plus(Duration.ofHours(7)));
		at(this.start.plus(Duration.ofHours(7))).save(later);
		assertThat(at(this.start.plus(Duration.ofHours(14))).findById(session.getId())).isNotNull();
	}

	@Test
	void changingTheIdStoresTheSessionUnderTheNewIdOnlyAndRemovedAttributesAreGone() {
		MongoSession session = at(this.start).createSession();
		session.setAttribute("a.b$c%d", "dots and dollars");
		session.setAttribute("gone", "soon");
		at(this.start).save(session);
		String oldId = session.getId();

		MongoSession loaded = at(this.start).findById(oldId);
		String newId = loaded.changeSessionId();
		loaded.removeAttribute("gone");
		at(this.start).save(loaded);

		assertThat(at(this.start).findById(oldId)).isNull();
		MongoSession moved = at(this.start).findById(newId);
		assertThat(moved.getAttributeNames()).containsExactly("a.b$c%d");
		assertThat((String) moved.getAttribute("a.b$c%d")).isEqualTo("dots and dollars");
	}

	@Test
	void aSessionDeletedElsewhereIsNotBroughtBackByALaterSave() {
		MongoSession session = at(this.start).createSession();
		at(this.start).save(session);
		MongoSession inFlight = at(this.start).findById(session.getId());

		at(this.start).deleteById(session.getId());
		inFlight.setAttribute("late", "write");
		at(this.start).save(inFlight);

		assertThat(at(this.start).findById(session.getId())).isNull();
	}

	@Test
	void cleanupDeletesExpiredSessionsOncePerPeriod() {
		MongoSession old = at(this.start.minus(Duration.ofDays(2))).createSession();
		at(this.start).save(old);
		this.mongo.getCollection("leases").deleteOne(new Document("_id", SessionCleanup.LEASE));

		assertThat(this.cleanup.deleteExpired()).isGreaterThanOrEqualTo(1);
		assertThat(stored(old.getId())).isNull();
		assertThat(this.cleanup.deleteExpired()).as("not again within the period").isEqualTo(-1);
	}

	private MongoSessionRepository at(Instant now) {
		return new MongoSessionRepository(this.mongo, PROPERTIES, Clock.fixed(now, ZoneOffset.UTC));
	}

	private Document stored(String id) {
		return this.mongo.getCollection(MongoSessionRepository.COLLECTION)
			.find(new Document("_id", MongoSessionRepository.hash(id)))
			.first();
	}

}
