package org.safesteps.storage;

import java.util.function.Function;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link ConsistentReads} for the database in use: the embedded server's own, or a snapshot session on MongoDB. */
@Configuration(proxyBeanMethods = false)
class ConsistentReadsConfiguration {

	@Bean
	ConsistentReads consistentReads(ObjectProvider<EmbeddedMongo> embedded, MongoClient client) {
		EmbeddedMongo server = embedded.getIfAvailable();
		if (server != null) {
			return server::atOneMoment;
		}
		return new ConsistentReads() {
			@Override
			public <T> T atOneMoment(MongoDatabase database, Function<Snapshot, T> reader) {
				try (ClientSession session = client
					.startSession(ClientSessionOptions.builder().snapshot(true).build())) {
					return reader.apply(new DriverSnapshot(database, session));
				}
			}
		};
	}

}
