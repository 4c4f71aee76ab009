package org.safesteps.teacher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.safesteps.classroom.SchoolClass;
import org.safesteps.theme.RenderedText;
import org.safesteps.theme.Theme;
import org.safesteps.theme.Themes;

/**
 * The class page ({@code teacher/class}) as bytes, kept per class and viewer, used while the page's
 * whole model is equal to the one it was rendered from. With the report kept
 * ({@link ClassReportSection}), Thymeleaf rendering the rest of the page (about 40 forms and 70
 * links at 12 modules) was still most of a view's CPU time, on every view of an unchanged class.
 * <p>
 * What keeps it right: the model is built from the database on every view as before (the class,
 * its assignments, teachers, course link, days taught and the report's stamp), and the kept page is
 * used only when every attribute equals the kept page's; anything else (a notice after an action,
 * a form with errors, an attribute this class does not know) renders the page as before, unkept.
 * The one value of the request in the page, the CSRF token that Spring Security masks anew for
 * every request, is cut out of the kept page and this request's own token put in its places, so no
 * view ever carries another session's token. The viewer's own part (owner or co-teacher, display
 * options, language, theme, the page's path for the switches) is in the key and in the model.
 * Kept only when templates are read from the jar, as {@link ClassReportSection}.
 */
@Component
class KeptClassPage implements View {

	/** Bytes of HTML kept, all classes together: about 200 pages of 35 x 12 (~115 KB each). */
	static final long BYTES = 24_000_000;

	static final String VIEW = "teacher/class";

	/**
	 * Every attribute the page may be rendered from: the controller's, the site's and the display's
	 * advice, the days taught, and the theme. A model with any other attribute (a flash notice or
	 * problem, a new attribute added later) is rendered without keeping, so it can never be missed.
	 */
	private static final Set<String> KNOWN = Set.of("schoolClass", "owner", "linkedCourse", "teachers", "assigned",
			"assignable", "reportSection", "assignForm", "taughtOn", "site", "helpCountry", "languages", "signedIn",
			"currentPath", "display", "displayReturn", "theme", "pageView");

	private static final AssignForm BLANK = new AssignForm("", null, null);

	private final ThymeleafViewResolver views;

	private final Themes themes;

	private final boolean keep;

	private final LongAdder served = new LongAdder();

	private final Cache<Key, Kept> kept = Caffeine.newBuilder()
		.maximumWeight(BYTES)
		.weigher((Key key, Kept value) -> value.bytes())
		.build();

	KeptClassPage(ThymeleafViewResolver views, Themes themes) {
		this.views = views;
		this.themes = themes;
		this.keep = themes.templatesRereadAfter().isEmpty();
	}

	@Override
	public String getContentType() {
		return "text/html;charset=UTF-8";
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Theme theme = this.themes.forRequest(request);
		Map<String, Object> page = new HashMap<>(model);
		// what ThemeViewInterceptor adds to a view given by name
		page.put("theme", theme);
		page.put("pageView", VIEW);
		Locale locale = RequestContextUtils.getLocale(request);
		View thymeleaf = this.views.resolveViewName(theme.id() + "/" + VIEW, locale);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = (csrf != null) ? csrf.getToken() : null;
		Map<String, Object> inputs = (this.keep && token != null && !token.isEmpty()) ? inputs(page) : null;
		if (inputs == null) {
			thymeleaf.render(page, request, response);
			return;
		}
		Key key = new Key(((SchoolClass) inputs.get("schoolClass")).id(), locale, theme.id(), 				inputs.get("owner"), inputs.get("display"), inputs.get("currentPath"), inputs.get("displayReturn"));
		Kept found = this.kept.getIfPresent(key);
		if (found == null || !found.inputs().equals(inputs)) {
			RenderedText capture = new RenderedText(response, 128 * 1024);
			thymeleaf.render(page, request, capture);
			found = Kept.of(inputs, capture.text(), token, response.getContentType());
			this.kept.put(key, found);
		}
		else {
			this.served.increment();
			response.setContentType(found.contentType());
		}
		found.write(token, response);
	}

	/** Views answered from a kept page (for the tests). */
	long served() {
		return this.served.sum();
	}

	/**
	 * The attributes the page is rendered from, without the binding results, or null when the page
	 * is not to be kept: an attribute not known here, an assign form that is not blank or has errors.
	 */
	private static Map<String, Object> inputs(Map<String, Object> page) {
		Map<String, Object> inputs = new HashMap<>();
		for (Map.Entry<String, Object> attribute : page.entrySet()) {
			String name = attribute.getKey();
			if (name.startsWith(BindingResult.MODEL_KEY_PREFIX)) {
				if (attribute.getValue() instanceof BindingResult result && result.hasErrors()) {
					return null;
				}
			}
			else if (!KNOWN.contains(name)) {
				return null;
			}
			else {
				inputs.put(name, attribute.getValue());
			}
		}
		boolean blank = BLANK.equals(inputs.get("assignForm"));
		return (blank && inputs.get("schoolClass") instanceof SchoolClass) ? inputs : null;
	}

	/** One class as one viewer sees it: owner or co-teacher, language, theme, display options, path. */
	private record Key(String classId, Locale locale, String themeId, Object owner, Object display,
			Object currentPath, Object displayReturn) {
	}

	/** A rendered page cut at its CSRF token: the request's own token goes between the parts. */
	private record Kept(Map<String, Object> inputs, List<byte[]> parts, String contentType, int bytes) {

		static Kept of(Map<String, Object> inputs, String html, String token, String contentType) {
			List<byte[]> parts = new ArrayList<>();
			int bytes = 0;
			int from = 0;
			for (int at = html.indexOf(token); at >= 0; at = html.indexOf(token, from)) {
				parts.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
				bytes += parts.get(parts.size() - 1).length;
				from = at + token.length();
			}
			parts.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
			bytes += parts.get(parts.size() - 1).length;
			// a map of its own (some attributes may be null), never changed after this
			return new Kept(Collections.unmodifiableMap(inputs), List.copyOf(parts), contentType, bytes);
		}

		void write(String token, HttpServletResponse response) throws IOException {
			byte[] own = token.getBytes(StandardCharsets.US_ASCII);
			OutputStream out = response.getOutputStream();
			for (int i = 0; i < this.parts.size(); i++) {
				if (i > 0) {
					out.write(own);
				}
				out.write(this.parts.get(i));
			}
		}

	}

}
