package org.safesteps.lti;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.safesteps.storage.Leases;

/**
 * Sends queued scores to platforms' gradebooks (LTI Assignment and Grade Services 2.0, score
 * publish service): a token for the score scope ({@link PlatformTokens}), then a POST of the score
 * to {@code <line item>/scores} as {@code application/vnd.ims.lis.v1.score+json}. Every instance
 * schedules it; the lease lets one send at a time. A failed score waits, twice as long after each
 * failure up to {@link LtiProperties#scoreRetryLongest()}, and is given up after
 * {@link LtiProperties#scoreAttempts()} tries, its error kept for {@code /admin/lti}.
 */
@Component
class ScoreSender {

	private static final Logger log = LoggerFactory.getLogger(ScoreSender.class);

	static final String LEASE = "lti-scores";

	static final String SCORE_CONTENT_TYPE = "application/vnd.ims.lis.v1.score+json";

	/** Longer than a batch can take with every call timing out. */
	private static final Duration LEASE_HOLD = Duration.ofMinutes(15);

	private static final int BATCH = 20;

	/** AGS asks for timestamps with sub-second precision (ISO 8601). */
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.appendPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
		.appendOffset("+HH:MM", "Z")
		.toFormatter(Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final ScoreQueue queue;

	private final Registrations registrations;

	private final PlatformTokens tokens;

	private final Sealer sealer;

	private final Leases leases;

	private final LtiProperties properties;

	private final Clock clock;

	ScoreSender(ScoreQueue queue, Registrations registrations, PlatformTokens tokens, Sealer sealer, Leases leases,
			LtiProperties properties, Clock clock) {
		this.queue = queue;
		this.registrations = registrations;
		this.tokens = tokens;
		this.sealer = sealer;
		this.leases = leases;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${safesteps.lti.score-first-send-after:30s}",
			fixedDelayString = "${safesteps.lti.score-send-every:15s}")
	void scheduled() {
		runNow();
	}

	/** Sends what is due, if no other instance is sending; the number of scores tried, or empty. */
	Optional<Integer> runNow() {
		return this.leases.runOncePer(LEASE, Duration.ZERO, LEASE_HOLD, this::sendDue);
	}

	private int sendDue() {
		int tried = 0;
		for (ScoreQueue.QueuedScore score : this.queue.due(BATCH)) {
			send(score);
			tried++;
		}
		this.queue.forgetFailedBefore(this.clock.instant().minus(this.properties.failedScoresKept()));
		return tried;
	}

	private void send(ScoreQueue.QueuedScore score) {
		Optional<Registration> registration = this.registrations.findById(score.registrationId());
		if (registration.isEmpty()) {
			this.queue.drop(score);
			return;
		}
		if (!registration.get().enabled() || !registration.get().sendsScores()) {
			this.queue.giveUp(score, new ScoreQueue.Failure("settings", 0, ""));
			return;
		}
		Optional<String> user = this.sealer.open(score.sealedUser())
			.map((values) -> values.get("user"))
			.filter(String.class::isInstance)
			.map(String.class::cast);
		if (user.isEmpty()) {
			this.queue.giveUp(score, new ScoreQueue.Failure("seal", 0, ""));
			return;
		}
		try {
			post(registration.get(), score, user.get());
			this.queue.delivered(score);
		}
		catch (PlatformCallFailed failed) {
			// a platform may echo the request in its error: the user id is not kept with the error
			ScoreQueue.Failure failure = new ScoreQueue.Failure(failed.stage(), failed.status(),
					failed.detail().replace(user.get(), "[user]"));
			int attempts = score.attempts() + 1;
			if (attempts >= this.properties.scoreAttempts()) {
				this.queue.giveUp(score, failure);
				log.warn("Gave up sending a score to platform registration {} after {} tries ({} {})",
						score.registrationId(), attempts, failed.stage(), failed.status());
			}
			else {
				this.queue.retryLater(score, failure, this.clock.instant().plus(
						waitBefore(attempts + 1, this.properties.scoreRetryFirst(), this.properties.scoreRetryLongest())));
			}
		}
	}

	private void post(Registration registration, ScoreQueue.QueuedScore score, String user) {
		String token = this.tokens.token(registration, Claims.SCORE_SCOPE);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("userId", user);
		body.put("scoreGiven", score.scoreGiven());
		body.put("scoreMaximum", score.scoreMaximum());
		body.put("activityProgress", "Completed");
		body.put("gradingProgress", "FullyGraded");
		body.put("timestamp", TIMESTAMP.format(score.timestamp()));
		HttpRequest request = HttpRequest.newBuilder(URI.create(scoresUrl(score.lineItem())))
			.timeout(this.properties.serviceTimeout())
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", SCORE_CONTENT_TYPE)
			.POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body)))
			.build();
		HttpResponse<String> response = this.tokens.send(request, "score");
		if (response.statusCode() == 401) {
			// the token was revoked or expired early: the next try asks for a new one
			this.tokens.forget(registration, Claims.SCORE_SCOPE);
		}
		if (response.statusCode() / 100 != 2) {
			throw new PlatformCallFailed("score", response.statusCode(), response.body());
		}
	}

	/**
	 * The score service of a line item: its URL with {@code /scores} added to the path, before any
	 * query (AGS 2.0, section 3.4: Moodle's line item URLs carry {@code ?type_id=}).
	 */
	static String scoresUrl(String lineItem) {
		int query = lineItem.indexOf('?');
		String path = (query < 0) ? lineItem : lineItem.substring(0, query);
		String rest = (query < 0) ? "" : lineItem.substring(query);
		if (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path + "/scores" + rest;
	}

	/** How long to wait before try {@code attempt} (2 or more): the first wait, doubled each time, at most the longest. */
	static Duration waitBefore(int attempt, Duration first, Duration longest) {
		Duration wait = first;
		for (int i = 2; i < attempt && wait.compareTo(longest) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(longest) > 0) ? longest : wait;
	}

}
