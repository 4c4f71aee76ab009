package org.safesteps.learner;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

import org.safesteps.content.Band;

/**
 * Learners a school's learning platform launches (LTI): the platform, not a join code, says which
 * class they are in. The caller remembers which learner a platform user is (by a keyed hash, never
 * their name); each launch gives this browser a fresh learner cookie, as a resume code does.
 */
@Service
public class PlatformLearners {

	private final LearnerStore store;

	PlatformLearners(LearnerStore store) {
		this.store = store;
	}

	/**
	 * Lets this browser in as the known learner, or as a new learner in the class when there is none
	 * (first launch, or deleted since by retention or "forget me").
	 *
	 * @return the learner's id, to remember for the next launch
	 */
	public String enter(Optional<String> knownLearnerId, String classId, Band band, HttpServletRequest request,
			HttpServletResponse response) {
		String token = Secrets.newToken();
		String tokenHash = Secrets.sha256(token);
		Learner learner = knownLearnerId.flatMap((id) -> this.store.replaceToken(id, classId, tokenHash))
			.orElseGet(() -> this.store.create(classId, band, tokenHash));
		LearnerCookie.write(request, response, token);
		return learner.id();
	}

}
