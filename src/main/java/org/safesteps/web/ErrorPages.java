package org.safesteps.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error as a themed page in plain words: what happened and where to go next, never a stack
 * trace or exception text.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) {
		int status = statusOf(request);
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("kind", kind(status));
		return "error";
	}

	private static int statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer status && status >= 400) {
			return status;
		}
		// /error opened directly, not through an error: there is nothing here
		return (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null) ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

	/** The message family for a status: the page's words come from messages.properties. */
	private static String kind(int status) {
		return switch (status) {
			case 400, 405, 413, 415 -> "bad-request";
			case 401, 403 -> "forbidden";
			case 404 -> "not-found";
			case 429 -> "too-many";
			case 503 -> "unavailable";
			default -> (status >= 500) ? "server" : "bad-request";
		};
	}

}
