package org.safesteps.teacher;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.safesteps.content.Band;
import org.safesteps.progress.ClassReports;
import org.safesteps.theme.Themes;

/**
 * The report part of the class page as HTML, kept per class, assigned modules, language and theme
 * while the class's data is unchanged. The 35 x 12 matrix was three quarters of the page's CPU time
 * in Thymeleaf, on every view of an unchanged report. {@link ClassReports#summary} gives back the
 * same object while the class's data has not changed, so the HTML kept with that object is used
 * only while it is returned, and is rendered again, on every instance, from the first page after a
 * step, a quiz submission or a tally (the same stamp and age limit as the summary's). The section
 * holds nothing that depends on the request or the teacher (template
 * {@code teacher/fragments/class-report}): the forms with their CSRF tokens, the flash messages and
 * the teachers are rendered with the rest of the page on every request. Kept only when templates
 * are read from the jar: from a theme folder being edited, rendered on every page.
 */
@Component
class ClassReportSection {

	/** Characters of HTML kept, all classes together: about 130 reports of 35 x 12 (~60,000 each). */
	static final long CHARACTERS = 8_000_000;

	private final ITemplateEngine engine;

	private final Themes themes;

	private final boolean keep;

	private final Cache<Key, Kept> kept = Caffeine.newBuilder()
		.maximumWeight(CHARACTERS)
		.weigher((Key key, Kept value) -> value.html().length())
		.build();

	ClassReportSection(ITemplateEngine engine, Themes themes) {
		this.engine = engine;
		this.themes = themes;
		this.keep = themes.templatesRereadAfter().isEmpty();
	}

	/**
	 * The section's HTML for the class's summary: kept if rendered from this same summary before
	 * (in this language and theme), else rendered now from {@code report} and kept.
	 */
	String html(String classId, Band band, List<String> moduleIds, ClassReports.Summary summary,
			Supplier<ClassReport> report, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		String themeId = this.themes.forRequest(request).id();
		Key key = new Key(classId, band, List.copyOf(moduleIds), locale, themeId);
		Kept found = this.keep ? this.kept.getIfPresent(key) : null;
		if (found != null && found.summary() == summary) {
			return found.html();
		}
		WebContext context = new WebContext(
				JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response),
				locale, Map.of("schoolClass", new ClassRef(classId), "report", report.get(), "theme",
						new ThemeRef(themeId)));
		String html = this.engine.process(themeId + "/teacher/fragments/class-report", Set.of("report"), context);
		if (this.keep) {
			this.kept.put(key, new Kept(summary, html));
		}
		return html;
	}

	/** What the section's links need of the class: its id (nothing else of the class may show). */
	public record ClassRef(String id) {
	}

	/** What the section needs of the theme: its id, for its fragments. */
	public record ThemeRef(String id) {
	}

	private record Key(String classId, Band band, List<String> moduleIds, Locale locale, String themeId) {
	}

	/** The HTML rendered from a summary, used while {@link ClassReports#summary} returns that same object. */
	private record Kept(ClassReports.Summary summary, String html) {
	}

}
