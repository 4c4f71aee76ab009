package org.safesteps.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in behind the throttle. A throttled attempt is refused before the password is
 * checked, with a {@link LockedException} that the sign-in page shows as "too many tries", the
 * same for existing and unknown addresses.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = authentication.getName();
		String client = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "unknown";
		if (this.throttle.isThrottled(email, client)) {
			throw new LockedException("Too many failed sign-ins");
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.recordSuccess(email);
			return result;
		}
		catch (AuthenticationException ex) {
			this.throttle.recordFailure(email, client);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
