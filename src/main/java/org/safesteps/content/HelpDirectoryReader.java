package org.safesteps.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.safesteps.content.ContentYaml.Required;

/** Reads help/services.yml: services by country, each checked by a person within the last year. */
record HelpDirectoryReader(String path, Problems problems, ContentYaml.Doc<HelpDirectoryReader.DirectoryFile> file,
		LocalDate today) {

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}|INTL");

	@JsonClassDescription("help directory")
	record DirectoryFile(@Required List<CountryEntry> countries) {
	}

	@JsonClassDescription("country")
	record CountryEntry(@Required String code, @Required String name, String emergency, List<ServiceEntry> services) {
	}

	/**
	 * A service; no kind means an ordinary one. {@code text} is {number: "686868", keyword: CONNECT}, the
	 * keyword optional; {@code es} and {@code ar} give what and who for readers of that language.
	 */
	@JsonClassDescription("service")
	record ServiceEntry(@Required String id, HelpKind kind, @Required String name, String what, String who,
			@Required List<Audience> audiences, String web, String phone, HelpService.TextChannel text, String source,
			LocalDate checked, HelpService.Description es, HelpService.Description ar) {
	}

	/** The directory, or null when the file is not readable at all (the reason is reported). */
	static HelpDirectory read(String path, String text, LocalDate today, Problems problems) {
		return ContentYaml.read(path, text, DirectoryFile.class, problems)
			.map(file -> new HelpDirectoryReader(path, problems, file, today).directory())
			.orElse(null);
	}

	private HelpDirectory directory() {
		List<Country> countries = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int c = 0; c < file.value().countries().size(); c++) {
			CountryEntry entry = file.value().countries().get(c);
			String code = entry.code();
			if (!COUNTRY_CODE.matcher(code).matches()) {
				problems.error(path, file.line("countries", c, "code"),
						"country code '" + code + "' should be two capital letters (ISO 3166) or INTL");
			}
			if (!codes.add(code)) {
				problems.error(path, file.line("countries", c, "code"), "duplicate country '" + code + "'");
			}
			List<HelpService> services = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (int s = 0; s < entry.services().size(); s++) {
				HelpService service = service(entry.services().get(s), code, "countries", c, "services", s);
				if (!ids.add(service.id())) {
					problems.error(path, file.line("countries", c, "services", s, "id"),
							"duplicate service id '" + service.id() + "' in " + code);
				}
				services.add(service);
			}
			countries.add(new Country(code, entry.name(), entry.emergency(), services));
		}
		if (!codes.contains(HelpDirectory.INTERNATIONAL)) {
			problems.error(path, 1, "no " + HelpDirectory.INTERNATIONAL + " entry: the help for every other country");
		}
		return new HelpDirectory(countries);
	}

	private HelpService service(ServiceEntry entry, String country, Object... at) {
		String service = "service '" + entry.id() + "' in " + country;
		if (entry.web() != null && !Markdown.isExternal(entry.web())) {
			problems.error(path, file.line(at, "web"), service + ": web should be an address starting with https://");
		}
		String source = entry.source() == null ? null : entry.source().strip();
		if (source == null || source.isEmpty()) {
			problems.error(path, file.line(at), service + " has no source (the page its details were checked on)");
		}
		else if (!Markdown.isExternal(source)) {
			problems.error(path, file.line(at, "source"), service + ": source should be a web address (http:// or https://)");
		}
		HelpService.TextChannel text = entry.text();
		if (text != null && (text.number() == null || text.number().isBlank())) {
			problems.error(path, file.line(at, "text"), service + ": text needs a number to text");
			text = null;
		}
		else if (text != null) {
			if (!text.number().strip().matches("[0-9 -]+")) {
				problems.error(path, file.line(at, "text", "number"), service + ": text number '" + text.number()
						+ "' should be digits (spaces and dashes allowed)");
			}
			text = new HelpService.TextChannel(text.number().strip(), text.hasKeyword() ? text.keyword().strip() : null);
		}
		if (entry.phone() == null && entry.web() == null && text == null) {
			problems.error(path, file.line(at), service + " has no way to reach it (phone, web or text)");
		}
		if (entry.checked() == null) {
			problems.error(path, file.line(at), service + " has no checked date (when a person last checked it)");
		}
		else if (entry.checked().isBefore(today.minusYears(1))) {
			problems.error(path, file.line(at, "checked"), service + " was last checked on " + entry.checked()
					+ ", more than a year ago: check it and update 'checked'");
		}
		Map<String, HelpService.Description> translations = new HashMap<>();
		translation(translations, "es", entry.es(), service, at);
		translation(translations, "ar", entry.ar(), service, at);
		return new HelpService(entry.id(), entry.kind() == null ? HelpKind.SERVICE : entry.kind(), entry.name(),
				entry.what(), entry.who(), Set.copyOf(entry.audiences()), entry.web(), entry.phone(), text, source,
				entry.checked(), translations);
	}

	// es: {what: ..., who: ...}: a reader of that language reads these instead of the English.
	private void translation(Map<String, HelpService.Description> translations, String language,
			HelpService.Description description, String service, Object[] at) {
		if (description == null) {
			return;
		}
		if (description.what() == null || description.what().isBlank() || description.who() == null
				|| description.who().isBlank()) {
			problems.error(path, file.line(at, language), service + ": " + language + " needs both 'what' and 'who'");
			return;
		}
		translations.put(language, new HelpService.Description(description.what().strip(), description.who().strip()));
	}

}
