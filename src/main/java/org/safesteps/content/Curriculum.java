package org.safesteps.content;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything in content/, validated and rendered once; immutable and safe to share between threads.
 * {@code guides} are the English pages; {@code translatedGuides} maps a language to its translated pages by id;
 * {@code evidence} holds the frameworks, what each lesson covers and the confidence checks.
 */
public record Curriculum(List<Module> modules, Map<String, GuidePage> guides, HelpDirectory help, String version,
		Map<String, Map<String, GuidePage>> translatedGuides, Evidence evidence) {

	private static final Comparator<GuidePage> URGENT_FIRST = Comparator.comparing((GuidePage page) -> !page.urgent())
		.thenComparing(GuidePage::title);

	public Curriculum {
		modules = modules.stream().sorted(Comparator.comparingInt(Module::order).thenComparing(Module::id)).toList();
		guides = Map.copyOf(guides);
		translatedGuides = translatedGuides.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
	}

	/** The module with this id; a loop, not a stream: every lesson step and quiz asks (a handful of modules). */
	public Optional<Module> module(String id) {
		for (Module module : modules) {
			if (module.id().equals(id)) {
				return Optional.of(module);
			}
		}
		return Optional.empty();
	}

	/** The modules that have a lesson for this band, in order. */
	public List<Module> modulesFor(Band band) {
		return modules.stream().filter(module -> module.hasBand(band)).toList();
	}

	public Optional<GuidePage> guide(String id) {
		return Optional.ofNullable(guides.get(id));
	}

	/** The page in {@code language} if translated, else the English page marked as a fallback. */
	public Optional<Localized<GuidePage>> guide(String id, String language) {
		return guide(id).map(english -> Localized.of(translatedGuides.getOrDefault(language, Map.of()).get(id), english,
				language));
	}

	/** Every guidance page, urgent ones first, then by title. */
	public List<GuidePage> guideList() {
		return guides.values().stream().sorted(URGENT_FIRST).toList();
	}

	/** Every guidance page in {@code language} where translated (English otherwise), urgent ones first, then by title. */
	public List<GuidePage> guideList(String language) {
		return guides.keySet().stream().map(id -> guide(id, language).orElseThrow().value()).sorted(URGENT_FIRST).toList();
	}

}
