package org.safesteps.display;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import org.safesteps.theme.PageModel;

/**
 * What the layout needs on every page: the device's display options ({@code display}) and the
 * path of this page ({@code displayReturn}) for the "Display options" link to come back to.
 */
@Component
class DisplayModel implements PageModel {

	@Override
	public void addTo(HttpServletRequest request, Model model) {
		if (!model.containsAttribute("display")) {
			model.addAttribute("display", DisplayOptions.of(request));
		}
		if (!model.containsAttribute("displayReturn")) {
			model.addAttribute("displayReturn", displayReturn(request));
		}
	}

	/** This page's path; after a form post the same path, which shows the form again. */
	private static String displayReturn(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (errorUri != null) ? errorUri.toString() : request.getRequestURI();
		String context = request.getContextPath();
		if (context != null && !context.isEmpty() && path.startsWith(context)) {
			path = path.substring(context.length());
		}
		if (errorUri == null && "GET".equals(request.getMethod()) && request.getQueryString() != null) {
			path = path + "?" + request.getQueryString();
		}
		return ReturnPath.of(path);
	}

}
