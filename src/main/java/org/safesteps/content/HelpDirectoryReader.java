package org.safesteps.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads help/services.yml: services by country, each checked by a person within the last year. */
final class HelpDirectoryReader {

	private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}|INTL");

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
		LocalDate checked = checked(entry, service, today);
		if (id == null || name == null) {
			return null;
		}
		return new HelpService(id, name, entry.text("what"), entry.text("who"), audiences, web, entry.text("phone"),
				checked);
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
