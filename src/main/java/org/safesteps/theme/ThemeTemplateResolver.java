package org.safesteps.theme;

import java.util.Map;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.cache.TTLCacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractTemplateResolver;
import org.thymeleaf.templateresource.ClassLoaderTemplateResource;
import org.thymeleaf.templateresource.FileTemplateResource;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Resolves {@code <theme>/<page>} to the theme's own template when it has one, else to base's.
 * Template names always carry the theme, so Thymeleaf's cache keeps one entry per theme and page,
 * and a page is parsed once per theme, not per request.
 */
final class ThemeTemplateResolver extends AbstractTemplateResolver {

	private final ThemeFiles files;

	private final long reloadAfterMs;

	ThemeTemplateResolver(ThemeFiles files, long reloadAfterMs) {
		this.files = files;
		this.reloadAfterMs = reloadAfterMs;
		setName("themes");
		setCheckExistence(true);
		setUseDecoupledLogic(false);
	}

	@Override
	protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
			String template, Map<String, Object> templateResolutionAttributes) {
		int slash = template.indexOf('/');
		String theme = (slash > 0) ? template.substring(0, slash) : Theme.BASE;
		String page = (slash > 0) ? template.substring(slash + 1) : template;
		String themed = theme + "/templates/" + page + ".html";
		String path = this.files.exists(themed) ? themed : Theme.BASE + "/templates/" + page + ".html";
		if (this.files.fromFolder()) {
			return new FileTemplateResource(this.files.dir().resolve(path).toString(), "UTF-8");
		}
		return new ClassLoaderTemplateResource(getClass().getClassLoader(), "themes/" + path, "UTF-8");
	}

	@Override
	protected TemplateMode computeTemplateMode(IEngineConfiguration configuration, String ownerTemplate,
			String template, Map<String, Object> templateResolutionAttributes) {
		return TemplateMode.HTML;
	}

	@Override
	protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
			String template, Map<String, Object> templateResolutionAttributes) {
		// From the folder an author may be editing: re-read after a short while. From the jar: forever.
		return this.files.fromFolder() ? new TTLCacheEntryValidity(this.reloadAfterMs)
				: AlwaysValidCacheEntryValidity.INSTANCE;
	}

}
