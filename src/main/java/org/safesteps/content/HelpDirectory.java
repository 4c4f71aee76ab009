package org.safesteps.content;

import java.util.List;
import java.util.Optional;

/** Help and report services by country, with an {@code INTL} entry for every other country. */
public record HelpDirectory(List<Country> countries) {

	public static final String INTERNATIONAL = Html.INTERNATIONAL;

	public HelpDirectory {
		countries = List.copyOf(countries);
	}

	/** The country with this code (any case), or the INTL entry when there is none. */
	public Country forCountry(String code) {
		return find(code).or(() -> find(INTERNATIONAL))
			.orElseThrow(() -> new IllegalStateException("the help directory has no " + INTERNATIONAL + " entry"));
	}

	public boolean has(String code) {
		return find(code).isPresent();
	}

	private Optional<Country> find(String code) {
		return countries.stream().filter(country -> country.code().equalsIgnoreCase(code)).findFirst();
	}

}
