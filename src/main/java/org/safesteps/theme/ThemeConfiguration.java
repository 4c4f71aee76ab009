package org.safesteps.theme;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.thymeleaf.templateresolver.ITemplateResolver;

/** Wires the theme folders into Thymeleaf and serves each theme's static files under /assets. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThemeProperties.class)
class ThemeConfiguration implements WebMvcConfigurer {

	private final ThemeFiles files;

	private final ThemeProperties properties;

	private final Themes themes;

	ThemeConfiguration(ThemeProperties properties) {
		this.properties = properties;
		this.files = new ThemeFiles(properties.dir());
		this.themes = new Themes(this.files, properties.reloadAfter());
	}

	/** Non-fair locks for the template engine's registries (a fair one queued the first burst after a start). */
	@Bean
	static UnfairTemplateLocks unfairTemplateLocks() {
		return new UnfairTemplateLocks();
	}

	@Bean
	Themes themes() {
		return this.themes;
	}

	/** Named so that it replaces Boot's classpath:/templates/ resolver. */
	@Bean
	ITemplateResolver defaultTemplateResolver() {
		return new ThemeTemplateResolver(this.files, this.properties.reloadAfter().toMillis());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ThemeViewInterceptor(this.themes));
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		boolean packaged = !this.files.fromFolder();
		CacheControl cache = packaged ? CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()
				: CacheControl.noCache();
		for (String id : Themes.IDS) {
			// Packaged: each asset is read from the jar once and kept in memory (KeptAssets), and
			// served without a Last-Modified check, which on a file inside the jar throws and catches
			// an exception each time (half of an asset request's CPU). Edited from a folder: read
			// every time.
			ResourceHandlerRegistration assets = registry.addResourceHandler("/assets/" + id + "/**")
				.addResourceLocations(this.files.staticLocation(id))
				.setCacheControl(cache)
				.setUseLastModified(!packaged);
			if (packaged) {
				assets.resourceChain(true).addResolver(new KeptAssets());
			}
			else {
				assets.resourceChain(false);
			}
		}
	}

}
