package org.safesteps.storage;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safesteps.SafeStepsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database on its file backend: what the README's start command runs. */
class EmbeddedStorageTest {

	@TempDir
	Path dataDir;

	// One test for both: the instance on another folder starts beside the restarted one (three
	// application starts; five as two tests).
	@Test
	void dataSurvivesARestartOnTheSameDataFolderAndASecondInstanceOnAnotherFolderStarts(@TempDir Path otherDir) {
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(MongoTemplate.class).getCollection("probe").insertOne(new Document("_id", "kept"));
		}
		try (ConfigurableApplicationContext second = start();
				ConfigurableApplicationContext other = start(otherDir)) {
			assertThat(second.getBean(MongoTemplate.class).getCollection("probe").countDocuments(new Document("_id", "kept")))
				.isEqualTo(1);
			assertThat(other.isActive()).isTrue();
			assertThat(other.getBean(MongoTemplate.class).getCollection("probe").countDocuments(new Document("_id", "kept")))
				.as("the other folder's own data").isZero();
		}
	}

	@Test
	void aSecondInstanceOnTheSameDataFolderFailsWithAClearMessage() {
		try (ConfigurableApplicationContext first = start()) {
			assertThatThrownBy(this::start).satisfies((failure) -> {
				FailureAnalysis analysis = new DataFolderFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains(this.dataDir.toAbsolutePath().normalize().toString())
					.contains("already in use by another SafeSteps instance");
				assertThat(analysis.getAction()).contains("SAFESTEPS_DATA_DIR");
			});
			assertThat(first.isActive()).isTrue();
		}
	}

	private ConfigurableApplicationContext start() {
		return start(this.dataDir);
	}

	private ConfigurableApplicationContext start(Path dir) {
		// Command-line arguments, so they win over the tests' in-memory configuration.
		SpringApplication app = new SpringApplicationBuilder(SafeStepsApplication.class).build();
		return app.run("--safesteps.storage.embedded-backend=file", "--safesteps.storage.data-dir=" + dir,
				"--server.port=0");
	}

}
