package org.safesteps.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created at start-up when no admin exists ({@code SAFESTEPS_ADMIN_EMAIL},
 * {@code SAFESTEPS_ADMIN_PASSWORD}). Without them the log prints a one-time link to /setup.
 */
@ConfigurationProperties("safesteps.admin")
public record AdminProperties(String email, String password, String name) {

	boolean configured() {
		return this.email != null && !this.email.isBlank() && this.password != null && !this.password.isBlank();
	}

}
