package org.safesteps.lti;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import org.safesteps.content.Band;

/**
 * A learning platform an admin registered: what the platform told us (issuer, client id,
 * deployments, its endpoints and key set) and how launches from it are handled.
 *
 * @param frameOrigin the origin allowed to frame SafeSteps after a launch from this platform (the
 *        school's platform address, e.g. {@code https://school.instructure.com}); null: the issuer's origin
 * @param createsTeachers whether an instructor unknown to SafeSteps gets a teacher account on their first launch
 * @param defaultBand the band of a class made for a course whose link does not name one
 * @param sendsScores whether learners' quiz scores go to the platform's gradebook (Assignment and
 *        Grade Services); off unless the admin turns it on
 * @param scoreChoice which score a learner's line item shows: the best so far or the latest; null
 *        (a registration saved before grades existed) counts as the best
 */
@Document("lti_registrations")
record Registration(@Id String id, String name, String issuer, String clientId, List<String> deploymentIds,
		String authUrl, String tokenUrl, String jwksUrl, String frameOrigin, boolean createsTeachers, Band defaultBand,
		boolean enabled, Instant createdAt, boolean sendsScores, ScoreChoice scoreChoice) {

	/** Which of a learner's scores the platform's gradebook gets. */
	enum ScoreChoice {

		BEST, LATEST

	}

	Registration {
		deploymentIds = List.copyOf(deploymentIds);
	}

	public ScoreChoice scoreChoiceOrBest() {
		return (this.scoreChoice == null) ? ScoreChoice.BEST : this.scoreChoice;
	}

	/** The one origin that may frame launch pages: scheme, host and port, nothing else. */
	String framingOrigin() {
		String source = (this.frameOrigin == null || this.frameOrigin.isBlank()) ? this.issuer : this.frameOrigin;
		return origin(source);
	}

	static String origin(String url) {
		URI uri = URI.create(url.strip());
		String port = (uri.getPort() == -1) ? "" : ":" + uri.getPort();
		return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
				+ port;
	}

}
