package org.safesteps.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.safesteps.storage.DatabaseFailures;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The 503 page for a database lost while a filter, not a controller, was using it: a teacher's
 * session is read in the session filter, before Spring MVC and its exception handlers. Without
 * this, the servlet container would log a stack trace and answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!DatabaseFailures.unreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			DatabaseUnavailable.answer(ex, response);
		}
	}

}
