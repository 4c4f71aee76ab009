package org.safesteps.limits;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * A number of requests per period, written {@code 60/10m} in configuration: a bucket of that many
 * tokens that refills evenly over the period.
 */
public record Limit(long requests, Duration per) {

	public Limit {
		if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
			throw new IllegalArgumentException("A limit needs at least one request per positive period");
		}
	}

	/** Read by the configuration binder (Spring's converters call {@code valueOf}). */
	public static Limit valueOf(String text) {
		String[] parts = text.strip().split("/", 2);
		if (parts.length != 2) {
			throw new IllegalArgumentException("A limit looks like 60/10m");
		}
		return new Limit(Long.parseLong(parts[0].strip()), DurationStyle.detectAndParse(parts[1].strip()));
	}

	@Override
	public String toString() {
		return this.requests + "/" + this.per;
	}

}
