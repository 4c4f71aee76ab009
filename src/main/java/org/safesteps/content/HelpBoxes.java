package org.safesteps.content;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Fills each rendered help box with a country's services, once per country, at load time. */
final class HelpBoxes {

	private final HelpDirectory help;

	// The same few lists go into hundreds of help boxes: build each once per load.
	private final Map<Audience, Map<String, String>> services = new EnumMap<>(Audience.class);

	HelpBoxes(HelpDirectory help) {
		this.help = help;
	}

	Html render(String html, Audience audience) {
		if (!html.contains(CalloutExtension.HELP_SERVICES_MARKER)) {
			return Html.of(html);
		}
		Map<String, String> lists = services.computeIfAbsent(audience, this::servicesByCountry);
		Map<String, String> byCountry = new HashMap<>();
		lists.forEach((code, list) -> byCountry.put(code, html.replace(CalloutExtension.HELP_SERVICES_MARKER, list)));
		return Html.perCountry(byCountry);
	}

	private Map<String, String> servicesByCountry(Audience audience) {
		Map<String, String> lists = new HashMap<>();
		for (Country country : help.countries()) {
			lists.put(country.code().toUpperCase(Locale.ROOT), services(country, audience));
		}
		return lists;
	}

	/** The emergency number, then each service for the audience: name (linked), what, who, phone. */
	static String services(Country country, Audience audience) {
		StringBuilder html = new StringBuilder("<div class=\"help-services\">\n");
		if (country.emergency() != null) {
			html.append("<p class=\"help-emergency\">In an emergency, call ")
				.append(telLink(country.emergency()))
				.append(".</p>\n");
		}
		html.append("<ul class=\"help-list\">\n");
		for (HelpService service : country.servicesFor(audience)) {
			html.append("<li class=\"help-service\">");
			if (service.web() != null) {
				html.append("<a href=\"").append(escape(service.web()))
					.append("\" class=\"external help-name\" target=\"_blank\" rel=\"noopener noreferrer\">")
					.append(escape(service.name())).append("</a>");
			}
			else {
				html.append("<strong class=\"help-name\">").append(escape(service.name())).append("</strong>");
			}
			if (service.what() != null) {
				html.append(" <span class=\"help-what\">").append(escape(service.what())).append("</span>");
			}
			if (service.who() != null) {
				html.append(" <span class=\"help-who\">").append(escape(service.who())).append("</span>");
			}
			if (service.phone() != null) {
				html.append(" <span class=\"help-phone\">").append(telLink(service.phone())).append("</span>");
			}
			html.append("</li>\n");
		}
		return html.append("</ul>\n</div>\n").toString();
	}

	private static String telLink(String phone) {
		// Dialling wants digits only: "1-800-843-5678" becomes tel:18008435678.
		String digits = phone.replaceAll("[^0-9+]", "");
		return "<a href=\"tel:" + escape(digits) + "\">" + escape(phone) + "</a>";
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
