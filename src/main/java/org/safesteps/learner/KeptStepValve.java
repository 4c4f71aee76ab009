package org.safesteps.learner;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

import org.safesteps.limits.LimitedRequests;

/**
 * Answers a kept lesson step ({@link KeptStepFilter}) and a kept asset ({@link KeptAssetFilter}) in
 * the servlet container's pipeline for the application, before the container builds the filter
 * chain: the kept response is the same, only the way to it is shorter. Profiled, the servlet filters
 * in front of the kept-step filter cost as much as the kept step itself (docs/performance.md, "The
 * kept step in front of the filters").
 * <p>
 * It runs after Tomcat's forwarded-header valve (an engine valve; this is a context valve), so the
 * client's address and HTTPS are resolved as for every request. Of the filters it goes before, none
 * changes the answer to a request either filter may answer: the database-outage filter only
 * acts on an exception (the kept-step filter answers none: a failed lookup falls through), the
 * body-size filter only on a body (a request with one falls through), the learning platform's frame
 * marker only on its cookie (falls through), the session filter only on a session cookie (falls
 * through), and the character-encoding and request-context filters set what the kept path does not
 * read. The rate limits decide for themselves: a request a limit applies to is passed on, and the
 * rate-limit filter in the chain checks it as before (today no limit applies to a GET of a step or
 * an asset).
 * Whatever it does not answer goes on to the filters, which see the request as before.
 */
final class KeptStepValve extends ValveBase {

	private static final String PREFIX = "/learn/";

	private static final String ASSETS = "/assets/";

	/** Looked up at the first request that finds them: the valve is made with the web server, before these beans. */
	private final Supplier<KeptStepFilter> steps;

	private final Supplier<KeptAssetFilter> assets;

	private final Supplier<LimitedRequests> limits;

	KeptStepValve(ObjectProvider<KeptStepFilter> steps, ObjectProvider<KeptAssetFilter> assets,
			ObjectProvider<LimitedRequests> limits) {
		// the pipeline supports async requests only if every valve does; this one never starts one
		super(true);
		this.steps = SingletonSupplier.ofNullable(steps::getIfAvailable);
		this.assets = SingletonSupplier.ofNullable(assets::getIfAvailable);
		this.limits = SingletonSupplier.ofNullable(limits::getIfAvailable);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		boolean answered;
		try {
			answered = answered(request, response);
		}
		catch (ClientAbortException ex) {
			// the reader left while the response was written: as the container's servlet valve does, no log
			response.setError();
			return;
		}
		if (!answered) {
			getNext().invoke(request, response);
		}
	}

	/** Answers a GET of a lesson step or an asset that no rate limit applies to, once the application is up. */
	private boolean answered(Request request, Response response) throws IOException {
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		String uri = request.getRequestURI();
		int path = request.getContextPath().length();
		boolean step = uri.regionMatches(path, PREFIX, 0, PREFIX.length());
		if (!step && !uri.regionMatches(path, ASSETS, 0, ASSETS.length())) {
			return false;
		}
		LimitedRequests limited = this.limits.get();
		if (limited == null || limited.limited(request)) {
			return false;
		}
		if (step) {
			KeptStepFilter filter = this.steps.get();
			return filter != null && filter.answer(request, response);
		}
		KeptAssetFilter filter = this.assets.get();
		return filter != null && filter.answer(request, response);
	}

}
