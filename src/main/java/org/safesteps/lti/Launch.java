package org.safesteps.lti;

import java.util.List;
import java.util.Optional;

/**
 * A verified resource-link launch: only what SafeSteps uses. Names, e-mail addresses, pictures and
 * every other personal claim are not read into it, so they cannot be stored by mistake.
 *
 * @param subject the platform's user id ({@code sub}), opaque; stored only as a keyed hash for learners
 * @param contextTitle the course's title (a school's course name, not a child's data), for naming the class
 * @param module the module the link opens ({@code custom.module}), if the link names one
 * @param band the band of the link ({@code custom.band}), if it names one
 * @param instructorName an instructor's {@code name}, for their teacher account; never read for anyone else
 * @param deepLinking present for a Deep Linking request (the platform asks which modules to add)
 * @param gradeEndpoint the link's Assignment and Grade Services endpoint, if the platform sent one
 */
record Launch(Registration registration, String deploymentId, String subject, List<String> roles, String contextId,
		String contextTitle, String resourceLinkId, Optional<String> module, Optional<String> band,
		Optional<String> instructorName, Optional<DeepLinking> deepLinking, Optional<GradeEndpoint> gradeEndpoint) {

	/**
	 * A Deep Linking request's settings (Deep Linking 2.0, 4.4.1): where to send the chosen items,
	 * the platform's opaque data to echo back, and whether several items may be returned.
	 */
	record DeepLinking(String returnUrl, Optional<String> data, boolean acceptMultiple) {
	}

	/**
	 * The AGS endpoint claim (AGS 2.0, section 3.1): the link's line item (a gradebook column), the
	 * course's line items container, and the scopes the platform grants. Nothing about a person.
	 */
	record GradeEndpoint(Optional<String> lineItem, Optional<String> lineItems, List<String> scopes) {

		GradeEndpoint {
			scopes = List.copyOf(scopes);
		}

		/** Scores can be sent: a line item to send them to, and the score scope granted. */
		boolean takesScores() {
			return this.lineItem.isPresent() && this.scopes.contains(Claims.SCORE_SCOPE);
		}

	}

	private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

	private static final String MEMBERSHIP_SUB = "http://purl.imsglobal.org/vocab/lis/v2/membership/";

	Launch {
		roles = List.copyOf(roles);
	}

	/**
	 * An instructor or administrator of the course (LTI 1.3 Core, appendix A.2.3 context roles,
	 * including their sub-roles such as {@code membership/Instructor#TeachingAssistant}).
	 */
	boolean isInstructor() {
		return isInstructor(this.roles);
	}

	static boolean isInstructor(List<String> roles) {
		return roles.stream().anyMatch((role) -> role.equals(MEMBERSHIP + "Instructor")
				|| role.equals(MEMBERSHIP + "Administrator") || role.startsWith(MEMBERSHIP_SUB + "Instructor#")
				|| role.startsWith(MEMBERSHIP_SUB + "Administrator#"));
	}

}
