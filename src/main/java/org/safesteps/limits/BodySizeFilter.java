package org.safesteps.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body declared larger than any form of the site with 413 before it is read.
 * Without it, Tomcat quietly drops the fields of an oversized form, and the request then fails
 * further on for a reason that hides the real one (a missing CSRF token).
 */
final class BodySizeFilter extends OncePerRequestFilter {

	private final DataSize maxBody;

	BodySizeFilter(DataSize maxBody) {
		this.maxBody = maxBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBody.toBytes()) {
			response.setHeader("Connection", "close");
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request, response);
	}

}
