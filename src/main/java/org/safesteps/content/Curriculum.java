package org.safesteps.content;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything in content/, validated and rendered once; immutable and safe to share between threads. */
public record Curriculum(List<Module> modules, Map<String, GuidePage> guides, HelpDirectory help, String version) {

	private static final Comparator<GuidePage> URGENT_FIRST = Comparator.comparing((GuidePage page) -> !page.urgent())
		.thenComparing(GuidePage::title);

	public Curriculum {
		modules = modules.stream().sorted(Comparator.comparingInt(Module::order).thenComparing(Module::id)).toList();
		guides = Map.copyOf(guides);
	}

	public Optional<Module> module(String id) {
		return modules.stream().filter(module -> module.id().equals(id)).findFirst();
	}

	/** The modules that have a lesson for this band, in order. */
	public List<Module> modulesFor(Band band) {
		return modules.stream().filter(module -> module.hasBand(band)).toList();
	}

	public Optional<GuidePage> guide(String id) {
		return Optional.ofNullable(guides.get(id));
	}

	/** Every guidance page, urgent ones first, then by title. */
	public List<GuidePage> guideList() {
		return guides.values().stream().sorted(URGENT_FIRST).toList();
	}

	/** The guidance pages that support a module (listed in their {@code modules}), urgent ones first. */
	public List<GuidePage> guidesFor(String moduleId) {
		return guides.values().stream().filter(page -> page.modules().contains(moduleId)).sorted(URGENT_FIRST).toList();
	}

}
