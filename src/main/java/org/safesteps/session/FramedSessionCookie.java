package org.safesteps.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, written {@code SameSite=Lax} as always, or {@code SameSite=None} when the
 * teacher signs in through a launch inside their learning platform's frame (see
 * {@link CrossSiteBrowsing}); both HttpOnly, Secure over HTTPS.
 */
final class FramedSessionCookie implements CookieSerializer {

	private final DefaultCookieSerializer lax;

	private final DefaultCookieSerializer none;

	FramedSessionCookie(String name) {
		this.lax = serializer(name, "Lax");
		this.none = serializer(name, "None");
	}

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		HttpServletRequest request = cookieValue.getRequest();
		("None".equals(CrossSiteBrowsing.sameSite(request)) ? this.none : this.lax).writeCookieValue(cookieValue);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return this.lax.readCookieValues(request);
	}

	private static DefaultCookieSerializer serializer(String name, String sameSite) {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(name);
		cookie.setCookiePath("/");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite(sameSite);
		cookie.setUseBase64Encoding(false);
		return cookie;
	}

}
