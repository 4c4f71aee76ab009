package org.safesteps.theme;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the request's theme into the model and in front of the view name, so a controller returns
 * {@code "home"} and the page renders as {@code "ages-5-7/home"} (the theme's copy, else base's).
 */
final class ThemeViewInterceptor implements HandlerInterceptor {

	private final Themes themes;

	ThemeViewInterceptor(Themes themes) {
		this.themes = themes;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || !modelAndView.hasView() || modelAndView.getViewName() == null) {
			return;
		}
		String view = modelAndView.getViewName();
		if (view.startsWith("redirect:") || view.startsWith("forward:")) {
			return;
		}
		Theme theme = this.themes.forRequest(request);
		modelAndView.addObject("theme", theme);
		// the layout picks the page's meta description by it (meta.learn.index for learn/index)
		modelAndView.addObject("pageView", view);
		modelAndView.setViewName(theme.id() + "/" + view);
	}

}
