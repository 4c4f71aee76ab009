package org.safesteps.learner;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.safesteps.content.Curriculum;
import org.safesteps.progress.ProgressStore;

/**
 * Puts {@link KeptStepFilter} in front of Spring Security, for the lesson's addresses only, and
 * behind the body-size and rate-limit filters (limits/RateLimitConfiguration orders them before
 * this), so the limits apply to a kept step as to any request.
 */
@Configuration(proxyBeanMethods = false)
class KeptStepConfiguration {

	/** Just before Spring Security's filter chain. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;

	@Bean
	KeptStepFilter keptStepFilter(Curriculum curriculum, Learners learners, ProgressStore progress,
			RenderedSteps steps) {
		return new KeptStepFilter(curriculum, learners, progress, steps);
	}

	@Bean
	FilterRegistrationBean<KeptStepFilter> keptStepFilterRegistration(KeptStepFilter filter) {
		FilterRegistrationBean<KeptStepFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/learn/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
