package org.safesteps.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The rate limits, each as requests per period per client (its network address, which for a school
 * is usually one address shared by a whole class behind the school's router), except
 * {@code loginAccount}, which counts sign-ins per typed e-mail address. docs/security.md gives the
 * maths behind each default.
 *
 * @param enabled off only for load benchmarks from one address
 * @param posts every form sent (POST) by one client: a class of 30 all submitting at once fits
 * @param joinCodes class codes tried at {@code /join} and {@code /join/pictures}
 * @param resumeCodes resume codes tried at {@code /join}
 * @param loginClient sign-ins tried from one client
 * @param loginAccount sign-ins tried for one e-mail address, from anywhere
 * @param invites invitation links opened or sent from one client
 * @param maxBody the largest request body accepted (413 above it); the largest form is far smaller
 * @param storeTimeout how long a check of the buckets in MongoDB (not the embedded database's, kept in the
 *        process) may take before it is skipped and requests pass for a
 *        few seconds: a page must never wait for the buckets of a database it would wait for again
 *        (the page has 2 s to say "unavailable")
 */
@ConfigurationProperties("safesteps.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("600/1m") Limit posts,
		@DefaultValue("100/10m") Limit joinCodes, @DefaultValue("30/10m") Limit resumeCodes,
		@DefaultValue("30/15m") Limit loginClient, @DefaultValue("10/15m") Limit loginAccount,
		@DefaultValue("20/15m") Limit invites, @DefaultValue("64KB") DataSize maxBody,
		@DefaultValue("250ms") Duration storeTimeout) {
}
