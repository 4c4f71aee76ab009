package org.safesteps.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads help/services.yml: services by country, each checked by a person within the last year. */
final class HelpDirectoryReader {

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}|INTL");

	// Languages a service's 'what' and 'who' may be given in besides English (es: {what, who}).
	private static final List<String> LANGUAGES = List.of("es", "ar");

	private HelpDirectoryReader() {
	}

	/** The directory, or null when the file is not readable at all (the reason is reported). */
	static HelpDirectory read(String path, String text, LocalDate today, Problems problems) {
		return YamlFile.parse(path, text, problems).map(file -> directory(file, today)).orElse(null);
	}

	private static HelpDirectory directory(YamlFile.Mapping file, LocalDate today) {
		String path = file.path();
		Problems problems = file.problems();
		List<Country> countries = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (YamlFile.Mapping entry : file.mappings("countries")) {
			String code = entry.requiredText("code", "country");
			if (code == null) {
				continue;
			}
			if (!COUNTRY_CODE.matcher(code).matches()) {
				problems.error(path, entry.lineOf("code"),
						"country code '" + code + "' should be two capital letters (ISO 3166) or INTL");
			}
			if (!codes.add(code)) {
				problems.error(path, entry.lineOf("code"), "duplicate country '" + code + "'");
			}
			String name = entry.requiredText("name", "country " + code);
			List<HelpService> services = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (YamlFile.Mapping service : entry.mappings("services")) {
				HelpService read = service(service, code, today);
				if (read != null) {
					if (!ids.add(read.id())) {
						problems.error(path, service.lineOf("id"), "duplicate service id '" + read.id() + "' in " + code);
					}
					services.add(read);
				}
			}
			countries.add(new Country(code, name == null ? code : name, entry.text("emergency"), services));
		}
		if (!codes.contains(HelpDirectory.INTERNATIONAL)) {
			problems.error(path, 1, "no " + HelpDirectory.INTERNATIONAL + " entry: the help for every other country");
		}
		return new HelpDirectory(countries);
	}

	private static HelpService service(YamlFile.Mapping entry, String country, LocalDate today) {
		String path = entry.path();
		Problems problems = entry.problems();
		String id = entry.requiredText("id", "service in " + country);
		String service = "service '" + (id == null ? "?" : id) + "' in " + country;
		String name = entry.requiredText("name", service);
		Set<Audience> audiences = EnumSet.noneOf(Audience.class);
		for (YamlFile.Scalar audience : entry.oneOrMore("audiences")) {
			Audience.fromId(audience.value()).ifPresentOrElse(audiences::add, () -> problems.error(path,
					audience.line(), "unknown audience '" + audience.value() + "' (child or parent)"));
		}
		if (!entry.has("audiences")) {
			problems.error(path, entry.line(), service + " has no audiences (child, parent)");
		}
		String web = entry.text("web");
		if (web != null && !Markdown.isExternal(web)) {
			problems.error(path, entry.lineOf("web"), service + ": web should be an address starting with https://");
		}
		HelpKind kind = kind(entry, service);
		String source = entry.text("source");
		if (source == null || source.isBlank()) {
			problems.error(path, entry.line(), service + " has no source (the page its details were checked on)");
		}
		else if (!Markdown.isExternal(source.strip())) {
			problems.error(path, entry.lineOf("source"), service + ": source should be a web address (http:// or https://)");
		}
		HelpService.TextChannel text = text(entry, service);
		if (entry.text("phone") == null && web == null && text == null) {
			problems.error(path, entry.line(), service + " has no way to reach it (phone, web or text)");
		}
		LocalDate checked = checked(entry, service, today);
		if (id == null || name == null) {
			return null;
		}
		return new HelpService(id, kind, name, entry.text("what"), entry.text("who"), audiences, web,
				entry.text("phone"), text, source == null ? null : source.strip(), checked, translations(entry, service));
	}

	// es: {what: ..., who: ...}: a reader of that language reads these instead of the English.
	private static Map<String, HelpService.Description> translations(YamlFile.Mapping entry, String service) {
		Map<String, HelpService.Description> translations = new HashMap<>();
		for (String language : LANGUAGES) {
			YamlFile.Mapping translation = entry.mapping(language);
			if (translation == null) {
				continue;
			}
			String what = translation.text("what");
			String who = translation.text("who");
			if (what == null || what.isBlank() || who == null || who.isBlank()) {
				entry.problems().error(entry.path(), entry.lineOf(language), service + ": " + language
						+ " needs both 'what' and 'who'");
				continue;
			}
			translations.put(language, new HelpService.Description(what.strip(), who.strip()));
		}
		return translations;
	}

	// No kind means an ordinary service; crisis lines are marked so pages can list them first.
	private static HelpKind kind(YamlFile.Mapping entry, String service) {
		String kind = entry.text("kind");
		if (kind == null) {
			return HelpKind.SERVICE;
		}
		return HelpKind.fromId(kind.strip()).orElseGet(() -> {
			entry.problems().error(entry.path(), entry.lineOf("kind"), service + ": unknown kind '" + kind
					+ "' (service or crisis)");
			return HelpKind.SERVICE;
		});
	}

	// text: {number: "686868", keyword: CONNECT}; the keyword is optional, the number is not.
	private static HelpService.TextChannel text(YamlFile.Mapping entry, String service) {
		YamlFile.Mapping text = entry.mapping("text");
		if (text == null) {
			return null;
		}
		String number = text.text("number");
		if (number == null || number.isBlank()) {
			entry.problems().error(entry.path(), entry.lineOf("text"), service + ": text needs a number to text");
			return null;
		}
		if (!number.strip().matches("[0-9 -]+")) {
			entry.problems().error(entry.path(), text.lineOf("number"), service + ": text number '" + number
					+ "' should be digits (spaces and dashes allowed)");
		}
		String keyword = text.text("keyword");
		return new HelpService.TextChannel(number.strip(), keyword == null || keyword.isBlank() ? null : keyword.strip());
	}

	private static LocalDate checked(YamlFile.Mapping entry, String service, LocalDate today) {
		String text = entry.text("checked");
		if (text == null) {
			entry.problems().error(entry.path(), entry.line(), service + " has no checked date (when a person last checked it)");
			return null;
		}
		LocalDate checked;
		try {
			checked = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			entry.problems().error(entry.path(), entry.lineOf("checked"), service + ": checked should be a date like 2026-11-23");
			return null;
		}
		if (checked.isBefore(today.minusYears(1))) {
			entry.problems().error(entry.path(), entry.lineOf("checked"), service + " was last checked on " + checked
					+ ", more than a year ago: check it and update 'checked'");
		}
		return checked;
	}

}
