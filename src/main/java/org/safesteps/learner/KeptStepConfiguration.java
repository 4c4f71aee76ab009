package org.safesteps.learner;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.safesteps.content.Curriculum;
import org.safesteps.limits.LimitedRequests;
import org.safesteps.progress.ProgressStore;

/**
 * Puts {@link KeptStepFilter} in front of Spring Security, for the lesson's addresses only, and
 * behind the body-size and rate-limit filters (limits/RateLimitConfiguration orders them before
 * this), so the limits apply to a kept step as to any request; and {@link KeptStepValve} in front of
 * the servlet container's filters, which answers a kept step with the same filter's bytes before the
 * container builds the filter chain (the filter then keeps what the full chain answers).
 */
@Configuration(proxyBeanMethods = false)
class KeptStepConfiguration {

	/** Just before Spring Security's filter chain. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;

	/** Every file under the themes' static folders is about 0.5 MB together; beyond this, nothing more is kept. */
	private static final long KEPT_ASSETS_BYTES = 8L * 1024 * 1024;

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

	/** Assets are the same for every reader: stylesheets, scripts, fonts and icons. */
	@Bean
	KeptAssetFilter keptAssetFilter() {
		return new KeptAssetFilter(KEPT_ASSETS_BYTES);
	}

	@Bean
	FilterRegistrationBean<KeptAssetFilter> keptAssetFilterRegistration(KeptAssetFilter filter) {
		FilterRegistrationBean<KeptAssetFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(ORDER);
		registration.addUrlPatterns("/assets/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** The valve in the application's own pipeline (after Tomcat's forwarded-header valve). */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> keptStepValve(ObjectProvider<KeptStepFilter> steps,
			ObjectProvider<KeptAssetFilter> assets, ObjectProvider<LimitedRequests> limits) {
		return (factory) -> factory.addContextValves(new KeptStepValve(steps, assets, limits));
	}

}
