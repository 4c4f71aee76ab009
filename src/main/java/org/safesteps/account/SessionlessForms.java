package org.safesteps.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import org.safesteps.session.CrossSiteBrowsing;

/**
 * What lets children and visitors use forms without an HTTP session (which would cost memory, or a
 * database write per child with shared sessions, in the 9:00 rush). The CSRF token lives in an
 * HttpOnly cookie and is compared with the masked copy that the server renders into each form
 * (Spring Security's default XOR handler); a failed sign-in says why in the redirect, not in a
 * session.
 */
final class SessionlessForms {

	static final String CSRF_COOKIE = "safesteps_csrf";

	private SessionlessForms() {
	}

	static CsrfTokenRepository csrfTokens() {
		return new FramedCsrfTokens(cookieTokens("Lax"), cookieTokens("None"));
	}

	private static CookieCsrfTokenRepository cookieTokens(String sameSite) {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieName(CSRF_COOKIE);
		tokens.setCookieCustomizer((cookie) -> cookie.httpOnly(true).sameSite(sameSite));
		return tokens;
	}

	/**
	 * The CSRF cookie, SameSite=Lax as always, or SameSite=None inside a learning platform's frame
	 * (see {@link CrossSiteBrowsing}), where a Lax cookie would never come back with the form.
	 */
	private record FramedCsrfTokens(CookieCsrfTokenRepository lax, CookieCsrfTokenRepository none)
			implements CsrfTokenRepository {

		@Override
		public CsrfToken generateToken(HttpServletRequest request) {
			return this.lax.generateToken(request);
		}

		@Override
		public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
			("None".equals(CrossSiteBrowsing.sameSite(request)) ? this.none : this.lax).saveToken(token, request, response);
		}

		@Override
		public CsrfToken loadToken(HttpServletRequest request) {
			return this.lax.loadToken(request);
		}

	}

	static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	/**
	 * Creates the CSRF cookie before a page renders: Thymeleaf streams the page, so a token first
	 * asked for by a form far down a long page would come after the headers were sent. Only the first
	 * page a browser opens sets the cookie; later ones find it. Stylesheets, scripts, fonts and images
	 * never hold a form, so they neither make a token nor carry the cookie.
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if ("GET".equals(request.getMethod()) && !path.startsWith("/actuator/") && !path.startsWith("/assets/")) {
				CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				if (token != null) {
					token.getToken();
				}
			}
			chain.doFilter(request, response);
		}

	}

}
