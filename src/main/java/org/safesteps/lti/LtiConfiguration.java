package org.safesteps.lti;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;

import static com.mongodb.client.model.Indexes.ascending;
import static com.mongodb.client.model.Indexes.compoundIndex;

/** LTI's settings, its frame filter, and the indexes of its collections. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LtiProperties.class)
class LtiConfiguration {

	/** Before Spring Security (-100), so the CSRF and session cookies it writes see the mark. */
	private static final int FRAME_MARKER_ORDER = -200;

	@Bean
	FilterRegistrationBean<FrameMarker> frameMarker(Registrations registrations, Clock clock) {
		FilterRegistrationBean<FrameMarker> registration = new FilterRegistrationBean<>(
				new FrameMarker(registrations, clock));
		registration.setOrder(FRAME_MARKER_ORDER);
		return registration;
	}

	/**
	 * This feature's indexes, made at start-up like those in storage/Indexes. Unique ones carry
	 * correctness (one registration per issuer and client id); the TTL index only tidies up on a
	 * real MongoDB (expiry is in every state query).
	 */
	@EventListener(ApplicationStartedEvent.class)
	void createIndexes(ApplicationStartedEvent event) {
		// as storage/Indexes: an index build on a large collection (or a busy machine) takes longer than
		// a page may wait, and a timed-out build would stop the start-up
		MongoDatabase db = event.getApplicationContext()
			.getBean(MongoTemplate.class)
			.getDb()
			.withTimeout(30, TimeUnit.MINUTES);
		db.getCollection("lti_registrations").createIndexes(List.of(new IndexModel(
				compoundIndex(ascending("issuer"), ascending("clientId")),
				new IndexOptions().name("issuer_client_unique").unique(true))));
		db.getCollection("lti_states").createIndexes(List.of(new IndexModel(ascending("expiresAt"),
				new IndexOptions().name("expires_ttl").expireAfter(0L, TimeUnit.SECONDS))));
		db.getCollection("lti_links").createIndexes(List.of(new IndexModel(ascending("classId"),
				new IndexOptions().name("class"))));
		db.getCollection("lti_scores").createIndexes(List.of(
				new IndexModel(compoundIndex(ascending("status"), ascending("nextAttemptAt")),
						new IndexOptions().name("due")),
				new IndexModel(ascending("registrationId"), new IndexOptions().name("registration"))));
		db.getCollection("lti_keys").createIndexes(List.of(new IndexModel(ascending("kind"),
				new IndexOptions().name("kind"))));
	}

}
