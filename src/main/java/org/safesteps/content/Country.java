package org.safesteps.content;

import java.util.List;

/** The help services of one country ({@code INTL} stands for every other country); {@code emergency} may be null. */
public record Country(String code, String name, String emergency, List<HelpService> services) {

	public Country {
		services = List.copyOf(services);
	}

	/** The services for an audience, crisis lines left out (they have their own place). */
	public List<HelpService> servicesFor(Audience audience) {
		return services.stream().filter(service -> service.isFor(audience) && !service.isCrisisLine()).toList();
	}

	/** The country's crisis lines, for anyone who feels they cannot go on. */
	public List<HelpService> crisisLines() {
		return services.stream().filter(HelpService::isCrisisLine).toList();
	}

}
