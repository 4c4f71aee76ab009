package org.safesteps.content;

import java.util.Locale;

/**
 * What a help directory entry is: a service (report, remove, talk) or a crisis line, which the
 * help page lists first and the lessons on threats and images name in their last help box.
 */
public enum HelpKind {

	SERVICE, CRISIS;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
