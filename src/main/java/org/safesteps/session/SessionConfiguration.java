package org.safesteps.session;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;

import org.safesteps.storage.Leases;

/**
 * Replaces the servlet container's in-memory sessions with Spring Session over
 * {@link MongoSessionRepository}. Only signed-in teachers and admins get a session: children's and
 * visitors' forms carry their CSRF token in a cookie (see the security configuration), so nothing
 * else asks for one.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
@EnableScheduling
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfiguration {

	@Bean
	MongoSessionRepository sessionRepository(MongoTemplate mongo, SessionProperties properties, Clock clock) {
		return new MongoSessionRepository(mongo, properties, clock);
	}

	/**
	 * The session cookie: HttpOnly, SameSite=Lax (None inside a learning platform's frame),
	 * Secure whenever the request came over HTTPS.
	 */
	@Bean
	CookieSerializer sessionCookie(SessionProperties properties) {
		return new FramedSessionCookie(properties.cookieName());
	}

	@Bean
	SessionCleanup sessionCleanup(MongoSessionRepository sessions, Leases leases, SessionProperties properties) {
		return new SessionCleanup(sessions, leases, properties);
	}

}
