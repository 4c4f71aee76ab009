package org.safesteps.learner;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.safesteps.content.Band;
import org.safesteps.display.DisplayOptions;
import org.safesteps.theme.RenderedText;
import org.safesteps.theme.Themes;

/**
 * Lesson steps rendered once and kept as bytes. A step's page is the same for every learner who
 * reads it with the same {@link Key} (module, band, step, language, help country, display options,
 * addresses on the page, signed in or not, content version), so the first request renders it with
 * the theme's template and the others get the kept bytes. The response's headers (security headers,
 * cookies, CSP, caching) are written by the filters around the controller, as for every page, and
 * are not kept. A rendered page that holds a form (its CSRF field is per browser) is never kept.
 * Bounded by {@code safesteps.rendered-steps.max-size}; with themes edited in a folder, kept only
 * as long as Thymeleaf trusts a template read from it.
 * <p>
 * Beside the pages, whole responses (the kept page with the headers the filters wrote around it)
 * are kept for {@link KeptStepFilter}, which serves them without the filter chain and MVC.
 */
@Component
@EnableConfigurationProperties(RenderedStepsProperties.class)
class RenderedSteps {

	/** Request attribute: the kept page a request's response was written from (only a page any reader may get). */
	static final String SHARED_PAGE = RenderedSteps.class.getName() + ".sharedPage";

	private final Cache<Key, Page> pages;

	private final Cache<Object, Response> responses;

	private final ViewResolver views;

	private final AtomicLong renders = new AtomicLong();

	RenderedSteps(ThymeleafViewResolver views, Themes themes, RenderedStepsProperties properties) {
		this.views = views;
		Caffeine<Key, Page> builder = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((Key key, Page page) -> page.body().length + 200);
		themes.templatesRereadAfter().ifPresent(builder::expireAfterWrite);
		this.pages = builder.build();
		// the bodies are the pages' own arrays: the weight counts them again, so this bound is generous
		Caffeine<Object, Response> responses = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((Object key, Response response) -> response.body().length + 1_000);
		themes.templatesRereadAfter().ifPresent(responses::expireAfterWrite);
		this.responses = responses.build();
	}

	/**
	 * The view of a lesson step: the kept bytes of this key, else {@code viewName} rendered (and
	 * kept, unless it holds a form).
	 */
	View view(Key key, String viewName) {
		return new StepView(key, viewName);
	}

	/** How many times a step was rendered rather than taken from memory (for tests). */
	long renders() {
		return this.renders.get();
	}

	/** Forgets every kept page and response (for tests comparing a kept page with a fresh rendering). */
	void clear() {
		this.pages.invalidateAll();
		this.responses.invalidateAll();
	}

	/** The whole response kept for requests of this key ({@link KeptStepFilter}'s), if any. */
	Optional<Response> response(Object requestKey) {
		return Optional.ofNullable(this.responses.getIfPresent(requestKey));
	}

	/** Keeps a response written from a kept page, for requests of this key. */
	void keep(Object requestKey, Response response) {
		this.responses.put(requestKey, response);
	}

	/** The body of the kept page this request's response was written from, if it was. */
	static Optional<byte[]> sharedBody(HttpServletRequest request) {
		return (request.getAttribute(SHARED_PAGE) instanceof Page page) ? Optional.of(page.body()) : Optional.empty();
	}

	/**
	 * Everything a lesson step's page depends on besides the request's fixed parts (the site's
	 * settings, the language list).
	 *
	 * @param theme the theme the page is rendered in
	 * @param locale the page's locale ({@code <html lang dir>}, the messages)
	 * @param language the content language asked for (the lesson falls back to English without it)
	 * @param helpCountry the help services' country (help bar, help boxes in the lesson), or null
	 * @param display the device's display options
	 * @param currentPath where the language switch returns to
	 * @param displayReturn where the display options return to
	 * @param signedIn whether a teacher is signed in (the footer's sign-in link)
	 * @param contentVersion the curriculum's version
	 */
	record Key(String moduleId, Band band, int step, String theme, String locale, String language,
			String helpCountry, DisplayOptions display, String currentPath, String displayReturn, boolean signedIn,
			String contentVersion, String contextPath) {
	}

	private record Page(byte[] body, String contentType) {
	}

	/**
	 * A response as the full chain wrote it for a kept page: its body, content type, locale
	 * (Content-Language) and every other header but those the servlet container writes itself, and
	 * all of them encoded for the connector (empty if one has a character it would change).
	 */
	record Response(byte[] body, String contentType, Locale locale, List<Map.Entry<String, String>> headers,
			Optional<WireHeaders> wire) {
	}

	/** A page with a form carries this browser's CSRF token: it must not be shown to anyone else. */
	static boolean holdsForm(String html, HttpServletRequest request) {
		CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String field = (token != null) ? token.getParameterName() : "_csrf";
		return html.contains("name=\"" + field + "\"") || html.contains("<form");
	}

	private final class StepView implements View {

		private final Key key;

		private final String viewName;

		StepView(Key key, String viewName) {
			this.key = key;
			this.viewName = viewName;
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Page page = RenderedSteps.this.pages.getIfPresent(this.key);
			if (page != null) {
				response.setContentType(page.contentType());
				request.setAttribute(SHARED_PAGE, page);
			}
			else {
				page = renderAndKeep(model, request, response);
			}
			ServletOutputStream out = response.getOutputStream();
			out.write(page.body());
		}

		private Page renderAndKeep(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			Locale locale = response.getLocale();
			View template = RenderedSteps.this.views.resolveViewName(this.viewName, locale);
			if (template == null) {
				throw new IllegalStateException("No template for " + this.viewName);
			}
			RenderedText capture = new RenderedText(response, 16 * 1024);
			template.render(model, request, capture);
			RenderedSteps.this.renders.incrementAndGet();
			String html = capture.text();
			String charset = response.getCharacterEncoding();
			Page page = new Page(html.getBytes((charset != null) ? Charset.forName(charset) : StandardCharsets.UTF_8),
					response.getContentType());
			if (!holdsForm(html, request)) {
				RenderedSteps.this.pages.put(this.key, page);
				request.setAttribute(SHARED_PAGE, page);
			}
			return page;
		}

	}

}
