package org.safesteps.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * For a test that stops and starts the embedded database (each restarts it after every test). These
 * tests share one application of their own, so the application all the other tests share never sees
 * an outage, and is not closed and started again after each of them, as {@code @DirtiesContext} on
 * the shared configuration did. It waits for the database as long as production does (the 1 s of
 * {@code StorageProperties}; the other tests allow 10 s for a loaded machine): what these tests
 * check is how the app answers when that wait runs out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "safesteps.storage.timeout=1s")
public @interface StopsTheDatabase {

}
