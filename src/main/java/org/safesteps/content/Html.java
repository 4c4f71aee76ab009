package org.safesteps.content;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * HTML rendered once at load time. Text with {@code :::help} boxes is rendered once per country of
 * the help directory, so serving a page is a map lookup, never Markdown work.
 */
public record Html(String html, Map<String, String> byCountry) {

	static final String INTERNATIONAL = "INTL";

	/** {@code byCountry} is keyed by upper-case country code, empty when there is no help box; {@code html} is its INTL entry. */
	public Html {
		Objects.requireNonNull(html);
		byCountry = Map.copyOf(byCountry);
		if (!byCountry.isEmpty() && !html.equals(byCountry.get(INTERNATIONAL))) {
			throw new IllegalArgumentException("per-country HTML needs an " + INTERNATIONAL + " entry");
		}
	}

	/** HTML that is the same for every country (it has no help box). */
	public static Html of(String html) {
		return new Html(html, Map.of());
	}

	/** HTML with help boxes, keyed by upper-case country code; must hold {@code INTL}. */
	static Html perCountry(Map<String, String> byCountry) {
		return new Html(Objects.requireNonNullElse(byCountry.get(INTERNATIONAL), ""), byCountry);
	}

	/**
	 * The complete HTML for a reader in the given country (ISO 3166 alpha-2, any case), each help
	 * box followed by that country's services; an unknown or null country gets the INTL services.
	 */
	public String forCountry(String countryCode) {
		if (byCountry.isEmpty() || countryCode == null) {
			return html;
		}
		return byCountry.getOrDefault(countryCode.toUpperCase(Locale.ROOT), html);
	}

	/** Whether the HTML holds a help box, i.e. differs by country. */
	public boolean hasHelp() {
		return !byCountry.isEmpty();
	}

	/** The international version, for logs and tests. */
	@Override
	public String toString() {
		return html;
	}

}
