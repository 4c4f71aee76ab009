package org.safesteps.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole app with rate limits a test can reach in a few requests. Every test of the limits uses
 * this one configuration, so they share one application; each of their browsers comes from an
 * address of its own ({@link Browserless#from}, {@link Browserless#viaHttpsProxy}), so one test's
 * counts do not reach another's.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "safesteps.rate-limits.posts=12/10m", "safesteps.rate-limits.join-codes=3/10m",
				"safesteps.rate-limits.resume-codes=3/10m", "safesteps.rate-limits.login-client=4/15m",
				"safesteps.rate-limits.login-account=2/15m", "safesteps.rate-limits.invites=3/15m",
				"safesteps.rate-limits.store-timeout=1m" })
public @interface TightLimits {

}
