package org.safesteps.content;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The words the app writes around content in one language: the callout names screen readers
 * announce and the emergency line of a help box. English is built in; other languages come from
 * {@code labels.yml}.
 */
record CalloutLabels(String language, Map<CalloutKind, String> names, String emergency, String crisis, String text,
		String textKeyword) {

	static final CalloutLabels ENGLISH = english();

	private static final String NUMBER = "{0}";

	private static final String KEYWORD = "{1}";

	private static final String CRISIS = "If you feel you cannot go on, or you are thinking about hurting yourself, talk to someone now:";

	private static final String TEXT = "Text {0}";

	private static final String TEXT_KEYWORD = "Text {1} to {0}";

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

	/** "Text 686868" or "Text CONNECT to 686868", escaped, the number as an SMS link. */
	String textHtml(HelpService.TextChannel channel) {
		String link = "<a href=\"sms:" + HelpBoxes.escape(channel.number().replace(" ", "")) + "\">"
				+ HelpBoxes.escape(channel.number()) + "</a>";
		String pattern = channel.hasKeyword() ? textKeyword : text;
		StringBuilder html = new StringBuilder();
		int i = 0;
		while (i < pattern.length()) {
			if (pattern.startsWith(NUMBER, i)) {
				html.append(link);
				i += NUMBER.length();
			}
			else if (pattern.startsWith(KEYWORD, i)) {
				html.append("<strong>").append(HelpBoxes.escape(channel.keyword())).append("</strong>");
				i += KEYWORD.length();
			}
			else {
				html.append(HelpBoxes.escape(String.valueOf(pattern.charAt(i))));
				i++;
			}
		}
		return html.toString();
	}

	private static CalloutLabels english() {
		Map<CalloutKind, String> names = new EnumMap<>(CalloutKind.class);
		for (CalloutKind kind : CalloutKind.values()) {
			names.put(kind, kind.label());
		}
		return new CalloutLabels(Localized.ENGLISH, names, "In an emergency, call {0}.", CRISIS, TEXT, TEXT_KEYWORD);
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
				String crisis = entry.text("crisis");
				String textLabel = placeholders(entry, "text", NUMBER, what);
				String textKeyword = placeholders(entry, "text-keyword", NUMBER + KEYWORD, what);
				labels.put(language, new CalloutLabels(language, names,
						emergency == null ? ENGLISH.emergency() : emergency, crisis == null ? CRISIS : crisis,
						textLabel == null ? TEXT : textLabel, textKeyword == null ? TEXT_KEYWORD : textKeyword));
			}
		});
		return labels;
	}

	// An optional label that must hold each placeholder ({0} the number, {1} the keyword).
	private static String placeholders(YamlFile.Mapping entry, String key, String required, String what) {
		String label = entry.text(key);
		if (label == null) {
			return null;
		}
		for (String placeholder : new String[] { NUMBER, KEYWORD }) {
			if (required.contains(placeholder) && !label.contains(placeholder)) {
				entry.problems().error(entry.path(), entry.lineOf(key), "'" + key + "' in " + what + " has no "
						+ placeholder);
				return null;
			}
		}
		return label;
	}

}
