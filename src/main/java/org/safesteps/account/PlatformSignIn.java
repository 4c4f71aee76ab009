package org.safesteps.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a teacher in whom their school's learning platform vouched for (a verified LTI launch),
 * exactly as a password sign-in would leave them: a fresh session id (no fixation), the same
 * principal and roles, and the same account-status check on every later request.
 */
@Component
public class PlatformSignIn {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountStore accounts;

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	public PlatformSignIn(AccountStore accounts) {
		this.accounts = accounts;
	}

	/**
	 * A new teacher account (never an admin) for a platform user. Its e-mail is an address that
	 * cannot receive mail and its password a random one nobody knows: this teacher signs in through
	 * their platform only, until an admin's invitation gives them a password of their own.
	 */
	public Account createTeacher(String name, String platformHost, String userKey) {
		byte[] password = new byte[32];
		RANDOM.nextBytes(password);
		String email = "lti-" + userKey.substring(0, Math.min(24, userKey.length())) + "@" + platformHost + ".invalid";
		String shownName = (name == null || name.isBlank()) ? "Teacher from " + platformHost : name;
		return this.accounts.create(email, shownName, Base64.getEncoder().encodeToString(password), false);
	}

	public Optional<Account> findActive(String accountId) {
		return this.accounts.findById(accountId).filter(Account::isActive);
	}

	public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		User principal = new User(account.email(), "", AuthorityUtils.createAuthorityList(
				account.roles().stream().map((role) -> "ROLE_" + role.name()).toArray(String[]::new)));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		request.setAttribute(CurrentAccount.ATTRIBUTE, account);
	}

}
