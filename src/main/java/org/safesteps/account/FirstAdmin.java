package org.safesteps.account;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can administer a new installation: creates the admin named in the
 * configuration, or prints a one-time setup link (its token in {@link SetupTokens}, so any instance
 * accepts it), spent by the first successful setup.
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class FirstAdmin {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountStore accounts;

	private final AdminProperties admin;

	private final PasswordPolicy policy;

	private final SetupTokens setupTokens;

	FirstAdmin(AccountStore accounts, AdminProperties admin, PasswordPolicy policy, SetupTokens setupTokens) {
		this.accounts = accounts;
		this.setupTokens = setupTokens;
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
		String token = this.setupTokens.create();
		log.warn("No admin account yet. Create one at /setup?token={} (this link works once, on any instance, for {} hours)",
				token, SetupTokens.VALID_FOR.toHours());
	}

	boolean setupOpen(String token) {
		return this.setupTokens.valid(token) && !this.accounts.adminExists();
	}

}
