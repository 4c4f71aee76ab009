package org.safesteps.storage;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Database health by {@code ping}: Boot's own check sends {@code hello}, which the embedded
 * server does not know. Named so that it replaces Boot's indicator.
 */
@Component("mongoHealthIndicator")
class MongoPingHealth implements HealthIndicator {

	private final MongoClient client;

	MongoPingHealth(MongoClient client) {
		this.client = client;
	}

	@Override
	public Health health() {
		try {
			this.client.getDatabase("admin").runCommand(new Document("ping", 1));
			return Health.up().build();
		}
		catch (RuntimeException ex) {
			return Health.down().withDetail("error", ex.getClass().getSimpleName()).build();
		}
	}

}
