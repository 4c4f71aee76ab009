package org.safesteps.limits;

import com.mongodb.client.MongoClient;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.safesteps.storage.EmbeddedMongo;

/**
 * Puts the body-size and rate-limit filters in front of Spring Security, so a refused request costs
 * no session or sign-in work, and in front of the learner's kept-step filter (ordered just before
 * Spring Security), so the limits apply to every request as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	/**
	 * The buckets: in this process when it runs the embedded database (whose data folder only one
	 * instance at a time can own, so there is no other instance to share them with); in MongoDB,
	 * shared by every instance, on a real one.
	 */
	@Bean
	RateLimits rateLimits(ObjectProvider<EmbeddedMongo> embedded, ObjectProvider<MongoTemplate> mongo,
			ObjectProvider<MongoClient> client, RateLimitProperties properties) {
		if (embedded.getIfAvailable() != null) {
			return RateLimits.inProcess(TimeMeter.SYSTEM_NANOTIME);
		}
		return RateLimits.shared(mongo.getObject(), client.getObject(), properties);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimits limits, RateLimitProperties properties) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(limits, properties));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** The rate-limit filter's own test, for learner/KeptStepValve, which answers in front of the filters. */
	@Bean
	LimitedRequests limitedRequests(FilterRegistrationBean<RateLimitFilter> rateLimitFilter) {
		return rateLimitFilter.getFilter()::limited;
	}

	@Bean
	FilterRegistrationBean<BodySizeFilter> bodySizeFilter(RateLimitProperties properties) {
		FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(
				new BodySizeFilter(properties.maxBody()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 3);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
