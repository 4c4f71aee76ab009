package org.safesteps.lti;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import org.safesteps.progress.Progress;
import org.safesteps.progress.ProgressStore;
import org.safesteps.progress.QuizRecorded;

/**
 * Assignment and Grade Services, the launch and quiz side (sending is {@link ScoreSender}'s). Only
 * for a registration with scores turned on: a launch records its link's AGS endpoint
 * ({@link LineItems}); a learner's launch through a link with a line item and the score scope also
 * gives their browser the sealed {@link GradeCookie}; when that learner's quiz for the link's
 * module is recorded, the score is queued ({@link ScoreQueue}) with the platform's user id sealed.
 * So the platform's id of a child is never stored beside the learner: it lives in the child's own
 * browser (sealed) and in a queued score until that is delivered.
 */
@Component
class Gradebook {

	private static final Logger log = LoggerFactory.getLogger(Gradebook.class);

	/** Scores are sent as percentages, the way SafeSteps shows them. */
	static final int SCORE_MAXIMUM = 100;

	private final LineItems lineItems;

	private final ScoreQueue queue;

	private final Sealer sealer;

	private final Registrations registrations;

	private final PlatformUsers users;

	private final ProgressStore progress;

	Gradebook(LineItems lineItems, ScoreQueue queue, Sealer sealer, Registrations registrations, PlatformUsers users,
			ProgressStore progress) {
		this.lineItems = lineItems;
		this.queue = queue;
		this.sealer = sealer;
		this.registrations = registrations;
		this.users = users;
		this.progress = progress;
	}

	/** An instructor's launch: the link's endpoint is kept, for the learners who follow. */
	void instructorLaunched(Launch launch, String classId, Optional<String> moduleId) {
		endpoint(launch).ifPresent((endpoint) -> this.lineItems.save(launch.registration(), launch.resourceLinkId(),
				classId, moduleId.orElse(null), endpoint));
	}

	/** A learner's launch: the link's endpoint is kept and, if scores can go to it, the browser gets the grade cookie. */
	void learnerLaunched(Launch launch, String classId, Optional<String> moduleId, String learnerId,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<Launch.GradeEndpoint> endpoint = endpoint(launch);
		if (endpoint.isEmpty()) {
			return;
		}
		String lineItemId = this.lineItems.save(launch.registration(), launch.resourceLinkId(), classId,
				moduleId.orElse(null), endpoint.get());
		if (endpoint.get().takesScores() && moduleId.isPresent()) {
			GradeCookie.write(request, response, this.sealer,
					new GradeCookie.Grade(lineItemId, learnerId, launch.subject()));
		}
	}

	/**
	 * Queues the score of a quiz taken after a launch through a graded link. Runs in the request
	 * that submitted the quiz (the event is published there), so it reads that browser's grade
	 * cookie; a failure here is logged and never reaches the child's result page.
	 */
	@EventListener
	void on(QuizRecorded recorded) {
		try {
			if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
				GradeCookie.read(attributes.getRequest(), this.sealer)
					// the cookie is this learner's (not one who used the browser before) and for this module
					.filter((grade) -> grade.learnerId().equals(recorded.learnerId()))
					.ifPresent((grade) -> queue(grade, recorded));
			}
		}
		catch (RuntimeException ex) {
			log.warn("A quiz score could not be queued for the learning platform: {}", ex.getClass().getSimpleName());
		}
	}

	private void queue(GradeCookie.Grade grade, QuizRecorded recorded) {
		this.lineItems.find(grade.lineItemId())
			.filter((item) -> Objects.equals(recorded.moduleId(), item.moduleId())
					&& Objects.equals(recorded.classId(), item.classId()))
			.ifPresent((item) -> this.registrations.findById(item.registrationId())
				.filter((registration) -> registration.enabled() && registration.sendsScores())
				.ifPresent((registration) -> {
					int given = (registration.scoreChoiceOrBest() == Registration.ScoreChoice.LATEST) ? recorded.score()
							: bestScore(recorded);
					this.queue.enqueue(registration.id(), item.url(),
							this.users.keyOf(registration.issuer(), grade.platformUserId()),
							this.sealer.seal(Map.of("user", grade.platformUserId())), given, SCORE_MAXIMUM,
							recorded.submittedAt());
				}));
	}

	/**
	 * The learner's best score in the module, this attempt included: their progress, read after it was
	 * written (only for a platform that takes the best score, so other submissions read nothing more).
	 */
	private int bestScore(QuizRecorded recorded) {
		return this.progress.forModules(recorded.learnerId(), List.of(recorded.moduleId()))
			.stream()
			.map(Progress::bestScore)
			.filter(Objects::nonNull)
			.reduce(recorded.score(), Math::max);
	}

	private static Optional<Launch.GradeEndpoint> endpoint(Launch launch) {
		return launch.registration().sendsScores() ? launch.gradeEndpoint() : Optional.empty();
	}

}
