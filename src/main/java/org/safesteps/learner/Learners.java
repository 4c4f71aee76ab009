package org.safesteps.learner;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Service;

import org.safesteps.classroom.ClassStore;
import org.safesteps.classroom.JoinCode;
import org.safesteps.content.Band;
import org.safesteps.progress.AttemptStore;
import org.safesteps.progress.ConfidenceStore;
import org.safesteps.progress.ProgressStore;
import org.safesteps.theme.RequestLanguage;
import org.safesteps.theme.RequestTheme;

/** Who the learner of a request is, and everything that creates, moves or deletes a learner. */
@Service
class Learners {

	/** What became of a typed code. */
	enum Outcome {

		JOINED, RESUMED, UNKNOWN, CLOSED, MALFORMED;

		boolean failed() {
			return this != JOINED && this != RESUMED;
		}

	}

	private final LearnerStore store;

	private final ClassStore classes;

	private final ProgressStore progress;

	private final AttemptStore attempts;

	private final ConfidenceStore confidence;

	Learners(LearnerStore store, ClassStore classes, ProgressStore progress, AttemptStore attempts,
			ConfidenceStore confidence) {
		this.store = store;
		this.classes = classes;
		this.progress = progress;
		this.attempts = attempts;
		this.confidence = confidence;
	}

	/**
	 * The learner whose cookie this request carries; their band becomes the request's theme and
	 * their class's language its language, unless they chose another with the switch.
	 */
	Optional<Learner> current(HttpServletRequest request) {
		return describe(request, LearnerCookie.read(request).map(Secrets::sha256).flatMap(this.store::findByTokenHash));
	}

	/**
	 * As {@link #current}, read from the database rather than from the copy an instance keeps: for
	 * requests that store something of the learner, so nothing is stored for a learner another
	 * instance has deleted since this one last read the log of forgotten learners.
	 */
	Optional<Learner> confirmed(HttpServletRequest request) {
		return describe(request,
				LearnerCookie.read(request).map(Secrets::sha256).flatMap(this.store::findByTokenHashInDatabase));
	}

	private Optional<Learner> describe(HttpServletRequest request, Optional<Learner> learner) {
		learner.ifPresent((found) -> {
			RequestTheme.useBand(request, found.band());
			if (found.inClass() && RequestLanguage.chosen(request).isEmpty()) {
				this.classes.languageOf(found.classId())
					.ifPresent((language) -> RequestLanguage.useClassLanguage(request, language));
			}
		});
		return learner;
	}

	/**
	 * Joins the class of a join code (a new learner) or resumes the learner of a resume code (this
	 * browser becomes theirs); sets the cookie on success.
	 */
	Outcome enter(String typed, HttpServletRequest request, HttpServletResponse response) {
		Optional<JoinCode> joinCode = JoinCode.parse(typed);
		if (joinCode.isPresent()) {
			Optional<ClassStore.Joinable> schoolClass = this.classes.findByJoinCode(joinCode.get());
			if (schoolClass.isEmpty()) {
				return Outcome.UNKNOWN;
			}
			if (!schoolClass.get().open()) {
				return Outcome.CLOSED;
			}
			String token = Secrets.newToken();
			this.store.create(schoolClass.get().classId(), schoolClass.get().band(), Secrets.sha256(token));
			LearnerCookie.write(request, response, token);
			return Outcome.JOINED;
		}
		Optional<ResumeCode> resumeCode = ResumeCode.parse(typed);
		if (resumeCode.isPresent()) {
			String token = Secrets.newToken();
			if (this.store.resume(resumeCode.get().hash(), Secrets.sha256(token)).isEmpty()) {
				return Outcome.UNKNOWN;
			}
			LearnerCookie.write(request, response, token);
			return Outcome.RESUMED;
		}
		return Outcome.MALFORMED;
	}

	/**
	 * A self-learner reading in this band: the current one (their band changed if they have no
	 * class), or a new one with its cookie.
	 */
	Learner learnAlone(Band band, HttpServletRequest request, HttpServletResponse response) {
		Optional<Learner> current = confirmed(request);
		if (current.isPresent()) {
			Learner learner = current.get();
			if (learner.inClass() || learner.band() == band) {
				return learner;
			}
			this.store.setBand(learner.id(), band);
			RequestTheme.useBand(request, band);
			return new Learner(learner.id(), null, learner.pseudonym(), band, learner.tokenHash(), learner.resumeHash(),
					learner.createdAt(), learner.lastSeenAt());
		}
		String token = Secrets.newToken();
		Learner created = this.store.create(null, band, Secrets.sha256(token));
		LearnerCookie.write(request, response, token);
		RequestTheme.useBand(request, band);
		return created;
	}

	/** A new resume code for this learner, replacing any earlier one; only its hash is kept. */
	ResumeCode newResumeCode(Learner learner) {
		ResumeCode code = ResumeCode.random();
		this.store.setResumeHash(learner.id(), code.hash());
		return code;
	}

	/** "Forget me on this device": the learner, their progress, attempts and confidence answers, and the cookie go. */
	void forget(Learner learner, HttpServletRequest request, HttpServletResponse response) {
		delete(learner.id());
		LearnerCookie.clear(request, response);
	}

	/**
	 * Deletes a learner and everything they own. Their data goes first, so an interrupted deletion
	 * leaves the learner to be found again (by retention or the class events) rather than orphaned data.
	 */
	void delete(String learnerId) {
		this.attempts.deleteLearner(learnerId);
		this.confidence.deleteLearner(learnerId);
		this.progress.deleteLearner(learnerId);
		this.store.delete(learnerId);
	}

}
