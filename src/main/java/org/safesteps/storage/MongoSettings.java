package org.safesteps.storage;

import java.util.concurrent.TimeUnit;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB client settings in one place. Timeouts are deliberate: a page that needs the
 * database answers "unavailable" within about two seconds instead of hanging. Writes wait for a
 * majority and reads see only majority-acknowledged data, so nothing a page confirmed can be rolled
 * back by a replica-set election (on a single embedded server both are trivially satisfied).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class MongoSettings {

	@Bean
	MongoClientSettingsBuilderCustomizer safeStepsMongoSettings(StorageProperties properties) {
		long timeoutMs = properties.timeout().toMillis();
		return (builder) -> builder
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS)
				.readTimeout((int) (timeoutMs * 3), TimeUnit.MILLISECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxWaitTime(timeoutMs, TimeUnit.MILLISECONDS)
				.maxSize(100))
			.retryWrites(true)
			.retryReads(true)
			.writeConcern(WriteConcern.MAJORITY.withWTimeout(timeoutMs * 2, TimeUnit.MILLISECONDS))
			.readConcern(ReadConcern.MAJORITY);
	}

}
