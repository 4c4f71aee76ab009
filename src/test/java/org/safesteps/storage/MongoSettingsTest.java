package org.safesteps.storage;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's write and read concerns come from {@link MongoSettings} whatever the URI asks for:
 * an operator's {@code ?w=1} must not quietly make confirmed quiz results losable. The client
 * connects lazily, so no server is needed to read its settings.
 */
class MongoSettingsTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class))
		.withUserConfiguration(MongoSettings.class);

	@ParameterizedTest
	@ValueSource(strings = { "mongodb://127.0.0.1:1/safesteps", "mongodb://127.0.0.1:1/safesteps?w=1&journal=false",
			"mongodb://127.0.0.1:1/safesteps?w=0", "mongodb://127.0.0.1:1/safesteps?w=majority&readConcernLevel=local" })
	void writesWaitForAMajoritysJournalWhateverTheUriSays(String uri) {
		this.runner.withPropertyValues("spring.mongodb.uri=" + uri).run((context) -> {
			MongoDatabase database = context.getBean(MongoClient.class).getDatabase("safesteps");
			WriteConcern concern = database.getWriteConcern();
			assertThat(concern.getWString()).isEqualTo("majority");
			assertThat(concern.getJournal()).isTrue();
			assertThat(database.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
		});
	}

	@Test
	void theConcernIsJournaledMajority() {
		assertThat(MongoSettings.WRITE_CONCERN).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
	}

}
