package org.safesteps.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/** The signed-in, active account of a request, as checked by the security filters. */
public final class CurrentAccount {

	static final String ATTRIBUTE = CurrentAccount.class.getName();

	private CurrentAccount() {
	}

	/** Empty for anonymous requests and for accounts disabled since they signed in. */
	public static Optional<Account> of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Account account) ? Optional.of(account) : Optional.empty();
	}

}
