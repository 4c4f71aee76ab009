package org.safesteps.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash a translation records in {@code translated-from}: the first 16 hex characters of the
 * SHA-256 of the English file's bytes, the same as {@code sha256sum file | cut -c1-16}.
 */
public final class ContentHash {

	private ContentHash() {
	}

	public static String of(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
