package org.safesteps.learner;

import java.util.Locale;
import java.util.Optional;

import org.safesteps.classroom.JoinCode;

/**
 * The code that moves a learner to another device: twelve characters of the join-code alphabet
 * (31^12, about 2^59, with the join rate limit on top), shown once as {@code ABCD-EFGH-JKMN} and
 * stored only as its SHA-256. Typed into the same box as a class code; its length tells them apart.
 */
record ResumeCode(String value) {

	static final int LENGTH = 12;

	static ResumeCode random() {
		StringBuilder code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(JoinCode.ALPHABET.charAt(Secrets.random().nextInt(JoinCode.ALPHABET.length())));
		}
		return new ResumeCode(code.toString());
	}

	static Optional<ResumeCode> parse(String typed) {
		if (typed == null || typed.length() > 60) {
			return Optional.empty();
		}
		String cleaned = typed.replaceAll("[\\s\\-\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
		if (cleaned.length() != LENGTH || !cleaned.chars().allMatch((c) -> JoinCode.ALPHABET.indexOf(c) >= 0)) {
			return Optional.empty();
		}
		return Optional.of(new ResumeCode(cleaned));
	}

	String display() {
		return this.value.substring(0, 4) + "-" + this.value.substring(4, 8) + "-" + this.value.substring(8);
	}

	String hash() {
		return Secrets.sha256(this.value);
	}

	@Override
	public String toString() {
		return "ResumeCode[hidden]";
	}

}
