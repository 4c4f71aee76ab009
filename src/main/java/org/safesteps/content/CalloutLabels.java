package org.safesteps.content;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The words the app writes around content in one language: the callout names screen readers
 * announce and the emergency line of a help box. English is built in; other languages come from
 * {@code labels.yml}.
 */
record CalloutLabels(String language, Map<CalloutKind, String> names, String emergency) {

	static final CalloutLabels ENGLISH = english();

	private static final String NUMBER = "{0}";

	CalloutLabels {
		names = Map.copyOf(names);
	}

	String name(CalloutKind kind) {
		return names.getOrDefault(kind, kind.label());
	}

	/** The emergency line as HTML, the number as the given (already built) telephone link. */
	String emergencyHtml(String telLink) {
		int at = emergency.indexOf(NUMBER);
		if (at < 0) {
			return HelpBoxes.escape(emergency) + " " + telLink;
		}
		return HelpBoxes.escape(emergency.substring(0, at)) + telLink
				+ HelpBoxes.escape(emergency.substring(at + NUMBER.length()));
	}

	private static CalloutLabels english() {
		Map<CalloutKind, String> names = new EnumMap<>(CalloutKind.class);
		for (CalloutKind kind : CalloutKind.values()) {
			names.put(kind, kind.label());
		}
		return new CalloutLabels(Localized.ENGLISH, names, "In an emergency, call {0}.");
	}

	/** Reads {@code labels.yml}: a list {@code languages} of entries with language, tip, talk, scenario, help, emergency. */
	static Map<String, CalloutLabels> read(String path, String text, Problems problems) {
		Map<String, CalloutLabels> labels = new HashMap<>();
		labels.put(Localized.ENGLISH, ENGLISH);
		YamlFile.parse(path, text, problems).ifPresent(file -> {
			for (YamlFile.Mapping entry : file.mappings("languages")) {
				String language = entry.requiredText("language", "labels entry");
				if (language == null) {
					continue;
				}
				String what = "labels for '" + language + "'";
				Map<CalloutKind, String> names = new EnumMap<>(CalloutKind.class);
				for (CalloutKind kind : CalloutKind.values()) {
					String name = entry.requiredText(kind.id(), what);
					names.put(kind, name == null ? kind.label() : name);
				}
				String emergency = entry.requiredText("emergency", what);
				if (emergency != null && !emergency.contains(NUMBER)) {
					problems.error(path, entry.lineOf("emergency"), "emergency line for '" + language
							+ "' has no {0} where the number goes");
				}
				labels.put(language, new CalloutLabels(language, names,
						emergency == null ? ENGLISH.emergency() : emergency));
			}
		});
		return labels;
	}

}
