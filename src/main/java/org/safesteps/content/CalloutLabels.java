package org.safesteps.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.safesteps.content.ContentYaml.Required;

/**
 * The words the app writes around content in one language: the callout names screen readers
 * announce and the emergency line of a help box. English is built in; other languages come from
 * {@code labels.yml}.
 */
record CalloutLabels(String language, Map<CalloutKind, String> names, String emergency, String crisis, String text,
		String textKeyword) {

	private static final String NUMBER = "{0}";

	private static final String KEYWORD = "{1}";

	private static final String CRISIS = "If you feel you cannot go on, or you are thinking about hurting yourself, talk to someone now:";

	private static final String TEXT = "Text {0}";

	private static final String TEXT_KEYWORD = "Text {1} to {0}";

	// English names each kind by its own label, which name() falls back to.
	static final CalloutLabels ENGLISH = new CalloutLabels(Localized.ENGLISH, Map.of(), "In an emergency, call {0}.", CRISIS,
			TEXT, TEXT_KEYWORD);

	CalloutLabels {
		names = Map.copyOf(names);
	}

	String name(CalloutKind kind) {
		return names.getOrDefault(kind, kind.label());
	}

	/** The emergency line as HTML, the number as the given (already built) telephone link. */
	String emergencyHtml(String telLink) {
		String escaped = HelpBoxes.escape(emergency);
		return escaped.contains(NUMBER) ? escaped.replaceFirst(Pattern.quote(NUMBER), Matcher.quoteReplacement(telLink))
				: escaped + " " + telLink;
	}

	/** "Text 686868" or "Text CONNECT to 686868", escaped, the number as an SMS link. */
	String textHtml(HelpService.TextChannel channel) {
		String link = "<a href=\"sms:" + HelpBoxes.escape(channel.number().replace(" ", "")) + "\">"
				+ HelpBoxes.escape(channel.number()) + "</a>";
		// The number first: it is digits, so the link cannot hold a {1}; an escaped keyword could hold a {0}.
		return HelpBoxes.escape(channel.hasKeyword() ? textKeyword : text).replace(NUMBER, link)
			.replace(KEYWORD, "<strong>" + HelpBoxes.escape(String.valueOf(channel.keyword())) + "</strong>");
	}

	/** {@code labels.yml}: an entry per language. */
	record LabelsFile(List<LabelsEntry> languages) {
	}

	@JsonClassDescription("labels entry")
	record LabelsEntry(@Required String language, @Required String tip, @Required String talk, @Required String scenario,
			@Required String help, @Required String emergency, String crisis, String text,
			@JsonProperty("text-keyword") String textKeyword) {
	}

	/** Reads {@code labels.yml}: a list {@code languages} of entries with language, tip, talk, scenario, help, emergency. */
	static Map<String, CalloutLabels> read(String path, String text, Problems problems) {
		Map<String, CalloutLabels> labels = new HashMap<>();
		labels.put(Localized.ENGLISH, ENGLISH);
		ContentYaml.read(path, text, LabelsFile.class, problems).ifPresent(file -> {
			for (int i = 0; i < file.value().languages().size(); i++) {
				LabelsEntry entry = file.value().languages().get(i);
				Object[] at = { "languages", i };
				String what = "labels for '" + entry.language() + "'";
				Map<CalloutKind, String> names = Map.of(CalloutKind.TIP, entry.tip(), CalloutKind.TALK, entry.talk(),
						CalloutKind.SCENARIO, entry.scenario(), CalloutKind.HELP, entry.help());
				String emergency = entry.emergency();
				if (!emergency.contains(NUMBER)) {
					problems.error(path, file.line(at, "emergency"), "emergency line for '" + entry.language()
							+ "' has no {0} where the number goes");
					emergency = ENGLISH.emergency();
				}
				String textLabel = placeholders(entry.text(), "text", NUMBER, what, () -> file.line(at, "text"), path, problems);
				String textKeyword = placeholders(entry.textKeyword(), "text-keyword", NUMBER + KEYWORD, what,
						() -> file.line(at, "text-keyword"), path, problems);
				labels.put(entry.language(), new CalloutLabels(entry.language(), names, emergency,
						entry.crisis() == null ? CRISIS : entry.crisis(), textLabel == null ? TEXT : textLabel,
						textKeyword == null ? TEXT_KEYWORD : textKeyword));
			}
		});
		return labels;
	}

	// An optional label that must hold each placeholder ({0} the number, {1} the keyword).
	private static String placeholders(String label, String key, String required, String what, IntSupplier line,
			String path, Problems problems) {
		if (label == null) {
			return null;
		}
		for (String placeholder : new String[] { NUMBER, KEYWORD }) {
			if (required.contains(placeholder) && !label.contains(placeholder)) {
				problems.error(path, line.getAsInt(), "'" + key + "' in " + what + " has no " + placeholder);
				return null;
			}
		}
		return label;
	}

}
