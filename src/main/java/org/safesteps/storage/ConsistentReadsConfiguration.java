package org.safesteps.storage;

import java.util.function.Function;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@link ConsistentReads} for the database in use: the embedded server's write gate, or a snapshot session. */
@Configuration(proxyBeanMethods = false)
class ConsistentReadsConfiguration {

	@Bean
	ConsistentReads consistentReads(ObjectProvider<EmbeddedMongo> embedded, MongoClient client) {
		EmbeddedMongo server = embedded.getIfAvailable();
		if (server != null) {
			return new ConsistentReads() {
				@Override
				public <T> T atOneMoment(Function<ClientSession, T> reader) {
					return server.withWritesHeld(() -> reader.apply(null));
				}
			};
		}
		return new ConsistentReads() {
			@Override
			public <T> T atOneMoment(Function<ClientSession, T> reader) {
				try (ClientSession session = client
					.startSession(ClientSessionOptions.builder().snapshot(true).build())) {
					return reader.apply(session);
				}
			}
		};
	}

}
