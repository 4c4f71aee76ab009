package org.safesteps.limits;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a rate limit applies to a request. A part of the app that answers requests before the
 * servlet filters (learner/KeptStepValve) passes such a request on, so that the rate-limit filter
 * checks it as it checks every request.
 */
@FunctionalInterface
public interface LimitedRequests {

	/** True when the rate-limit filter would draw a token for this request (the limits on). */
	boolean limited(HttpServletRequest request);

}
