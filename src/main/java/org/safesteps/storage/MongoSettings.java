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
 * database answers "unavailable" within two seconds instead of hanging: waiting for a server, a
 * connection or a pooled connection ends after the configured timeout, and every operation as a
 * whole (the driver's client-side operation timeout, which also bounds the server's work, a write
 * concern wait and a retry) after one and a half times that. Writes wait for a
 * majority's journal and reads see only majority-acknowledged data, so nothing a page confirmed can be rolled
 * back by a replica-set election (on a single embedded server both are trivially satisfied).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class MongoSettings {

	/**
	 * A write is acknowledged once a majority of the replica set has it in its on-disk journal: a
	 * confirmed quiz result survives a failover and a power cut of every member at once.
	 */
	static final WriteConcern WRITE_CONCERN = WriteConcern.MAJORITY.withJournal(true);

	@Bean
	MongoClientSettingsBuilderCustomizer safeStepsMongoSettings(StorageProperties properties) {
		long timeoutMs = properties.timeout().toMillis();
		// one operation, however it spends its time (pool, network, server, a retry), ends by then
		long operationMs = timeoutMs * 3 / 2;
		return (builder) -> builder.timeout(operationMs, TimeUnit.MILLISECONDS)
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout((int) timeoutMs, TimeUnit.MILLISECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxWaitTime(timeoutMs, TimeUnit.MILLISECONDS)
				.maxSize(100))
			.retryWrites(true)
			.retryReads(true)
			.writeConcern(WRITE_CONCERN)
			.readConcern(ReadConcern.MAJORITY);
	}

}
