package org.safesteps.learner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and their SHA-256 hashes: only hashes are ever stored. */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * One digest per thread: MessageDigest.getInstance looks the algorithm up among the security
	 * providers on every call, half the cost of hashing the learner's cookie on every lesson step
	 * (docs/performance.md, "The kept step in front of the filters"). digest() resets it for the next use.
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	});

	private Secrets() {
	}

	/** 256 random bits, base64url without padding (43 characters). */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String value) {
		return HexFormat.of().formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	static SecureRandom random() {
		return RANDOM;
	}

}
