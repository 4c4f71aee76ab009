package org.safesteps.content;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vladsch.flexmark.util.sequence.Escaping;

/** Fills each rendered help box with a country's services, once per country, at load time. */
final class HelpBoxes {

	private final HelpDirectory help;

	// The same few lists go into hundreds of help boxes: build each once per load and language.
	private final Map<String, Map<Audience, Map<String, String>>> services = new HashMap<>();

	HelpBoxes(HelpDirectory help) {
		this.help = help;
	}

	/** The HTML per country, the emergency line in the language of {@code labels}; services stay as listed. */
	Html render(String html, Audience audience, CalloutLabels labels) {
		if (!html.contains(CalloutExtension.HELP_SERVICES_MARKER)) {
			return Html.of(html);
		}
		Map<String, String> lists = services.computeIfAbsent(labels.language(), key -> new EnumMap<>(Audience.class))
			.computeIfAbsent(audience, key -> servicesByCountry(key, labels));
		Map<String, String> byCountry = new HashMap<>();
		lists.forEach((code, list) -> byCountry.put(code, html.replace(CalloutExtension.HELP_SERVICES_MARKER, list)
			.replace(CalloutExtension.CRISIS_LINES_MARKER, crisisLines(help.forCountry(code), labels))));
		return Html.perCountry(byCountry);
	}

	/** The crisis lines of a country after a line inviting the reader to use them; nothing if it has none. */
	static String crisisLines(Country country, CalloutLabels labels) {
		List<HelpService> lines = country.crisisLines();
		if (lines.isEmpty()) {
			return "";
		}
		StringBuilder html = new StringBuilder("<div class=\"help-crisis\">\n<p class=\"help-crisis-lead\">")
			.append(escape(labels.crisis())).append("</p>\n<ul class=\"help-list\">\n");
		lines.forEach(line -> html.append(service(line, labels)));
		return html.append("</ul>\n</div>\n").toString();
	}

	private Map<String, String> servicesByCountry(Audience audience, CalloutLabels labels) {
		Map<String, String> lists = new HashMap<>();
		for (Country country : help.countries()) {
			lists.put(country.code().toUpperCase(Locale.ROOT), services(country, audience, labels));
		}
		return lists;
	}

	/** The emergency number, then each service for the audience: name (linked), what, who, phone. */
	static String services(Country country, Audience audience, CalloutLabels labels) {
		StringBuilder html = new StringBuilder("<div class=\"help-services\">\n");
		if (country.emergency() != null) {
			html.append("<p class=\"help-emergency\">")
				.append(labels.emergencyHtml(telLink(country.emergency())))
				.append("</p>\n");
		}
		List<HelpService> services = country.servicesFor(audience);
		// No empty list: screen readers would announce "list, 0 items".
		if (!services.isEmpty()) {
			html.append("<ul class=\"help-list\">\n");
			services.forEach(service -> html.append(service(service, labels)));
			html.append("</ul>\n");
		}
		return html.append("</div>\n").toString();
	}

	private static String service(HelpService service, CalloutLabels labels) {
		StringBuilder html = new StringBuilder("<li class=\"help-service\">");
		if (service.web() != null) {
			html.append("<a href=\"").append(escape(service.web()))
				.append("\" class=\"external help-name\" target=\"_blank\" rel=\"noopener noreferrer\">")
				.append(escape(service.name())).append("</a>");
		}
		else {
			html.append("<strong class=\"help-name\">").append(escape(service.name())).append("</strong>");
		}
		String what = service.whatIn(labels.language());
		String who = service.whoIn(labels.language());
		span(html, "what", what == null ? null : escape(what));
		span(html, "who", who == null ? null : escape(who));
		span(html, "phone", service.phone() == null ? null : telLink(service.phone()));
		span(html, "text", service.text() == null ? null : labels.textHtml(service.text()));
		return html.append("</li>\n").toString();
	}

	// A detail of a service, left out when the directory has none.
	private static void span(StringBuilder html, String kind, String content) {
		if (content != null) {
			html.append(" <span class=\"help-").append(kind).append("\">").append(content).append("</span>");
		}
	}

	private static String telLink(String phone) {
		// Dialling wants digits only: "1-800-843-5678" becomes tel:18008435678.
		String digits = phone.replaceAll("[^0-9+]", "");
		return "<a href=\"tel:" + escape(digits) + "\">" + escape(phone) + "</a>";
	}

	// Flexmark's escaping, plus the apostrophe: an attribute value may be in single quotes.
	static String escape(String text) {
		return Escaping.escapeHtml(text, false).replace("'", "&#39;");
	}

}
