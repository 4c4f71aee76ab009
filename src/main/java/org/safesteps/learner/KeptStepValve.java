package org.safesteps.learner;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.ObjectProvider;

import org.safesteps.limits.LimitedRequests;

/**
 * Answers a kept lesson step ({@link KeptStepFilter}) in the servlet container's pipeline for the
 * application, before the container builds the filter chain: the kept response is the same, only
 * the way to it is shorter. Profiled, the servlet filters in front of the kept-step filter cost as
 * much as the kept step itself (docs/performance.md, "The kept step in front of the filters").
 * <p>
 * It runs after Tomcat's forwarded-header valve (an engine valve; this is a context valve), so the
 * client's address and HTTPS are resolved as for every request. Of the filters it goes before, none
 * changes the answer to a request the kept-step filter may answer: the database-outage filter only
 * acts on an exception (the kept-step filter answers none: a failed lookup falls through), the
 * body-size filter only on a body (a request with one falls through), the learning platform's frame
 * marker only on its cookie (falls through), the session filter only on a session cookie (falls
 * through), and the character-encoding and request-context filters set what the kept path does not
 * read. The rate limits decide for themselves: a request a limit applies to is passed on, and the
 * rate-limit filter in the chain checks it as before (today no limit applies to a GET of a step).
 * Whatever it does not answer goes on to the filters, which see the request as before.
 */
final class KeptStepValve extends ValveBase {

	private static final String PREFIX = "/learn/";

	/** Looked up at the first request: the valve is made with the web server, before these beans. */
	private final ObjectProvider<KeptStepFilter> filters;

	private final ObjectProvider<LimitedRequests> limits;

	private volatile KeptStepFilter filter;

	private volatile LimitedRequests limited;

	KeptStepValve(ObjectProvider<KeptStepFilter> filters, ObjectProvider<LimitedRequests> limits) {
		// the pipeline supports async requests only if every valve does; this one never starts one
		super(true);
		this.filters = filters;
		this.limits = limits;
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		if (!mayAnswer(request)) {
			getNext().invoke(request, response);
			return;
		}
		boolean answered;
		try {
			answered = keptStepFilter().answer(request, response);
		}
		catch (ClientAbortException ex) {
			// the reader left while the page was written: as the container's servlet valve does, no log
			response.setError();
			return;
		}
		if (!answered) {
			getNext().invoke(request, response);
		}
	}

	/** A GET under /learn/ that no rate limit applies to, once the application is up. */
	private boolean mayAnswer(Request request) {
		if (!"GET".equals(request.getMethod())
				|| !request.getRequestURI().regionMatches(request.getContextPath().length(), PREFIX, 0, PREFIX.length())) {
			return false;
		}
		LimitedRequests limits = limitedRequests();
		return limits != null && keptStepFilter() != null && !limits.limited(request);
	}

	private KeptStepFilter keptStepFilter() {
		KeptStepFilter found = this.filter;
		if (found == null) {
			found = this.filters.getIfAvailable();
			this.filter = found;
		}
		return found;
	}

	private LimitedRequests limitedRequests() {
		LimitedRequests found = this.limited;
		if (found == null) {
			found = this.limits.getIfAvailable();
			this.limited = found;
		}
		return found;
	}

}
