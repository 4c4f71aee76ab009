package org.safesteps.content;

import java.util.List;

/** The help services of one country ({@code INTL} stands for every other country); {@code emergency} may be null. */
public record Country(String code, String name, String emergency, List<HelpService> services) {

	public Country {
		services = List.copyOf(services);
	}

	public List<HelpService> servicesFor(Audience audience) {
		return services.stream().filter(service -> service.isFor(audience)).toList();
	}

}
