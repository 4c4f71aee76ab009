package org.safesteps.lti;

/**
 * The LTI 1.3 claim names and values SafeSteps reads and writes (IMS LTI 1.3 Core, section 5;
 * Deep Linking 2.0, section 4; Assignment and Grade Services 2.0, section 3).
 */
final class Claims {

	static final String PREFIX = "https://purl.imsglobal.org/spec/lti/claim/";

	static final String MESSAGE_TYPE = PREFIX + "message_type";

	static final String VERSION = PREFIX + "version";

	static final String DEPLOYMENT_ID = PREFIX + "deployment_id";

	static final String TARGET_LINK_URI = PREFIX + "target_link_uri";

	static final String RESOURCE_LINK = PREFIX + "resource_link";

	static final String ROLES = PREFIX + "roles";

	static final String CONTEXT = PREFIX + "context";

	static final String CUSTOM = PREFIX + "custom";

	static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	static final String CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items";

	static final String DEEP_LINKING_DATA = "https://purl.imsglobal.org/spec/lti-dl/claim/data";

	/** The Assignment and Grade Services endpoint of a launch: line item, line items and the scopes granted. */
	static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

	/** The scope that lets a tool publish scores to a line item (AGS 2.0, section 3.4). */
	static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

	static final String DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

	static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

	static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";

	static final String LTI_VERSION = "1.3.0";

	private Claims() {
	}

}
