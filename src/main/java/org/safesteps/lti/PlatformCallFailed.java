package org.safesteps.lti;

/**
 * A call to a platform's service that did not succeed: at which step ({@code token} or
 * {@code score}), the HTTP status (0 when no answer came), and the start of what the platform said.
 */
class PlatformCallFailed extends RuntimeException {

	private static final int DETAIL_KEPT = 300;

	private final String stage;

	private final int status;

	private final String detail;

	PlatformCallFailed(String stage, int status, String detail) {
		super(stage + " " + status, null, false, false);
		this.stage = stage;
		this.status = status;
		String text = (detail == null) ? "" : detail.strip();
		this.detail = (text.length() > DETAIL_KEPT) ? text.substring(0, DETAIL_KEPT) : text;
	}

	String stage() {
		return this.stage;
	}

	int status() {
		return this.status;
	}

	String detail() {
		return this.detail;
	}

}
