package org.safesteps.web;

import java.io.IOException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * When the database cannot be reached, pages say so in plain words (503) within the driver's
 * deliberate timeouts, instead of a 500. Nothing is lost: the page can simply be tried again.
 * Failures in filters (a teacher's session is read before any controller runs), and ones Spring
 * leaves uncategorized (the driver's operation timeout), are answered the same way by
 * {@link DatabaseUnavailableFilter}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

	private static final String RETRY_AFTER_SECONDS = "30";

	@ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class,
			MongoSocketException.class })
	void unavailable(RuntimeException ex, HttpServletResponse response) throws IOException {
		answer(ex, response);
	}

	static void answer(Throwable ex, HttpServletResponse response) throws IOException {
		log.warn("Database unavailable: {}", ex.getClass().getSimpleName());
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

}
