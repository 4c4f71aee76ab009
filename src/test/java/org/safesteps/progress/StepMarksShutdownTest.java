package org.safesteps.progress;

import java.net.InetSocketAddress;
import java.util.Date;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.SafeStepsApplication;
import org.safesteps.content.Band;

import static org.assertj.core.api.Assertions.assertThat;

/** A normal shutdown writes the step marks still queued. */
class StepMarksShutdownTest {

	@Test
	void marksQueuedAtShutdownAreWrittenBeforeTheAppStops() {
		MongoServer database = new MongoServer(new MemoryBackend());
		try {
			InetSocketAddress address = database.bind();
			String uri = "mongodb://127.0.0.1:" + address.getPort() + "/safesteps";
			// the writer's own rhythm is an hour away: only the shutdown can write the mark
			ConfigurableApplicationContext app = new SpringApplicationBuilder(SafeStepsApplication.class)
				.web(WebApplicationType.SERVLET)
				.run("--MONGODB_URI=" + uri, "--server.port=0", "--spring.jmx.enabled=false", "--safesteps.step-marks.every=1h",
						"--safesteps.retention.first-run-after=1h");
			String learnerId = UUID.randomUUID().toString();
			app.getBean(MongoTemplate.class)
				.getCollection("learners")
				.insertOne(new Document("_id", learnerId).append("classId", null)
					.append("pseudonym", "Shutdown " + learnerId)
					.append("band", "AGES_8_10")
					.append("tokenHash", UUID.randomUUID().toString())
					.append("createdAt", new Date())
					.append("lastSeenAt", new Date()));
			app.getBean(StepMarks.class).mark(new Owner(learnerId, null, Band.AGES_8_10), "trusted-adults", 3, 6);
			try (MongoClient client = MongoClients.create(uri)) {
				Document key = new Document("learnerId", learnerId);
				assertThat(client.getDatabase("safesteps").getCollection("progress").countDocuments(key))
					.as("queued, not written yet").isZero();
				app.close();
				Document written = client.getDatabase("safesteps").getCollection("progress").find(key).first();
				assertThat(written).isNotNull();
				assertThat(written.getInteger("stepReached")).isEqualTo(3);
			}
		}
		finally {
			database.shutdownNow();
		}
	}

}
