package org.safesteps.storage;

import com.mongodb.ConnectionString;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MongoDB before the client and points the client at it, unless
 * {@code MONGODB_URI} names a real server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriCondition.class)
class EmbeddedMongoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedMongo embeddedMongo(StorageProperties properties) {
		EmbeddedMongo mongo = new EmbeddedMongo(properties);
		mongo.start();
		return mongo;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongo mongo) {
		ConnectionString connectionString = new ConnectionString(mongo.connectionString("safesteps"));
		return () -> connectionString;
	}

}
