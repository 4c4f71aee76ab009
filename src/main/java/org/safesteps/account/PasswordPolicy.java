package org.safesteps.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B style: long enough, not a known common password, no composition rules.
 * Answers with the key of the message to show, or empty when the password is acceptable.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	private static final int MAX_LENGTH = 128;

	private final Set<String> common;

	public PasswordPolicy() {
		try (InputStream in = new ClassPathResource("common-passwords.txt").getInputStream()) {
			this.common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<String> problem(String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.too-short");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.too-long");
		}
		if (this.common.contains(password.toLowerCase(Locale.ROOT)) || isOneRepeatedCharacter(password)) {
			return Optional.of("password.common");
		}
		return Optional.empty();
	}

	private static boolean isOneRepeatedCharacter(String password) {
		return password.chars().distinct().count() == 1;
	}

}
