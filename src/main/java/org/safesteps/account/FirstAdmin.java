package org.safesteps.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can administer a new installation: creates the admin named in the
 * configuration, or prints a one-time setup link. The setup token lives only in this process and
 * is spent by the first successful setup.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class FirstAdmin {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountStore accounts;

	private final AdminProperties admin;

	private final PasswordPolicy policy;

	private final AtomicReference<String> setupToken = new AtomicReference<>();

	FirstAdmin(AccountStore accounts, AdminProperties admin, PasswordPolicy policy) {
		this.accounts = accounts;
		this.admin = admin;
		this.policy = policy;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureAdmin() {
		if (this.accounts.adminExists()) {
			return;
		}
		if (this.admin.configured()) {
			Optional<String> problem = this.policy.problem(this.admin.password());
			if (problem.isEmpty()) {
				try {
					this.accounts.create(this.admin.email(),
							(this.admin.name() != null) ? this.admin.name() : "Administrator", this.admin.password(), true);
					log.info("Created the first admin account from SAFESTEPS_ADMIN_EMAIL");
					return;
				}
				catch (AccountStore.EmailTakenException ex) {
					log.warn("SAFESTEPS_ADMIN_EMAIL names an existing teacher account; use /setup instead");
				}
			}
			else {
				log.warn("SAFESTEPS_ADMIN_PASSWORD is not accepted ({}); use /setup instead", problem.get());
			}
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.setupToken.set(token);
		log.warn("No admin account yet. Create one at /setup?token={} (this link works once)", token);
	}

	boolean setupOpen(String token) {
		String expected = this.setupToken.get();
		return expected != null && token != null && java.security.MessageDigest.isEqual(expected.getBytes(),
				token.getBytes()) && !this.accounts.adminExists();
	}

	/** Spends the token; false if another request spent it first. */
	boolean spend(String token) {
		String expected = this.setupToken.get();
		return expected != null && expected.equals(token) && this.setupToken.compareAndSet(expected, null);
	}

	void restore(String token) {
		this.setupToken.compareAndSet(null, token);
	}

}
