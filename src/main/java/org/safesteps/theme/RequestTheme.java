package org.safesteps.theme;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.safesteps.content.Band;

/**
 * Decides the theme of a request. Other features say which band a request reads in by setting
 * the {@link #BAND_ATTRIBUTE} request attribute (a learner's class band, or a self-learner's choice).
 */
public final class RequestTheme {

	/** Request attribute holding the {@link Band} the current reader learns in. */
	public static final String BAND_ATTRIBUTE = RequestTheme.class.getName() + ".band";

	private RequestTheme() {
	}

	public static void useBand(HttpServletRequest request, Band band) {
		request.setAttribute(BAND_ATTRIBUTE, band);
	}

	/** Request attribute holding a {@link Band} whose theme wins over the path's (a teacher showing a class the lesson). */
	static final String SHOWN_BAND_ATTRIBUTE = RequestTheme.class.getName() + ".shownBand";

	/**
	 * Renders a teacher's page in a band's theme: what a teacher puts on the board or hands out
	 * looks as the lesson does for the children.
	 */
	public static void showInBand(HttpServletRequest request, Band band) {
		request.setAttribute(SHOWN_BAND_ATTRIBUTE, band);
	}

	static String themeId(HttpServletRequest request) {
		if (request.getAttribute(SHOWN_BAND_ATTRIBUTE) instanceof Band shown) {
			return shown.id();
		}
		String path = originalPath(request);
		if (startsWith(path, "/parents")) {
			return Theme.PARENTS;
		}
		if (startsWith(path, "/teacher") || startsWith(path, "/admin") || startsWith(path, "/login")
				|| startsWith(path, "/setup") || startsWith(path, "/invite")) {
			return Theme.TEACHERS;
		}
		if (request.getAttribute(BAND_ATTRIBUTE) instanceof Band band) {
			return band.id();
		}
		return Theme.BASE;
	}

	private static String originalPath(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (errorUri != null) ? errorUri.toString() : request.getRequestURI();
		String context = request.getContextPath();
		return (context != null && !context.isEmpty() && uri.startsWith(context)) ? uri.substring(context.length()) : uri;
	}

	private static boolean startsWith(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

}
