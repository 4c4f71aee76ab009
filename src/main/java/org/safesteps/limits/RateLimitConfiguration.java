package org.safesteps.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the body-size and rate-limit filters in front of Spring Security, so a refused request costs
 * no session or sign-in work, and in front of the learner's kept-step filter (ordered just before
 * Spring Security), so the limits apply to every request as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

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
