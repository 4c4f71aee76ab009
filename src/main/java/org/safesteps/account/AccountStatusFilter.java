package org.safesteps.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an account that was disabled (or deleted) since it signed in, on its next
 * request. Checking the stored status on each request works the same on every app instance, which
 * a registry of sessions in one instance's memory would not. The signed-in {@link Account} is left
 * as a request attribute so pages need not look it up again.
 */
final class AccountStatusFilter extends OncePerRequestFilter {

	private final AccountStore accounts;

	AccountStatusFilter(AccountStore accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			Optional<Account> account = this.accounts.findByEmail(authentication.getName());
			if (account.isPresent() && account.get().isActive()) {
				request.setAttribute(CurrentAccount.ATTRIBUTE, account.get());
			}
			else {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
