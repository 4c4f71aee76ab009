package org.safesteps.theme;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.yaml.snakeyaml.Yaml;

import org.safesteps.content.Band;

/** The themes that exist, read once from their {@code theme.yml} files. */
public final class Themes {

	static final List<String> IDS = List.of(Theme.BASE, Band.AGES_5_7.id(), Band.AGES_8_10.id(),
			Band.AGES_11_13.id(), Band.AGES_14_17.id(), Theme.PARENTS, Theme.TEACHERS);

	private final Map<String, Theme> byId;

	private final Optional<Duration> templatesRereadAfter;

	Themes(ThemeFiles files, Duration reloadAfter) {
		this.templatesRereadAfter = files.fromFolder() ? Optional.of(reloadAfter) : Optional.empty();
		Map<String, Theme> themes = new LinkedHashMap<>();
		for (String id : IDS) {
			String path = id + "/theme.yml";
			if (!files.exists(path)) {
				throw new IllegalStateException("Theme " + id + " has no " + path + " in " + files.dir());
			}
			Map<String, Object> yml = new Yaml().load(files.read(path));
			themes.put(id, new Theme(id, String.valueOf(yml.getOrDefault("name", id)),
					Boolean.TRUE.equals(yml.get("read-aloud")), !Theme.TEACHERS.equals(id)));
		}
		this.byId = Map.copyOf(themes);
	}

	public Theme get(String id) {
		return find(id).orElseGet(() -> this.byId.get(Theme.BASE));
	}

	public Optional<Theme> find(String id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	/**
	 * How long a template is trusted before it is read again: only when the themes are read from a
	 * folder an author may be editing; never when they come from the jar. Anything kept that was
	 * rendered from a template should be kept no longer.
	 */
	public Optional<Duration> templatesRereadAfter() {
		return this.templatesRereadAfter;
	}

	/** The theme of this request's pages, as the page views get it. */
	public Theme forRequest(HttpServletRequest request) {
		return get(RequestTheme.themeId(request));
	}

	public Theme forBand(Band band) {
		return get(band.id());
	}

}
