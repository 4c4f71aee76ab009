package org.safesteps.content;

import java.util.Locale;

/** Who a help service is for: lessons show child services, guidance pages show parent services. */
public enum Audience {

	CHILD, PARENT;

	/** The id used in help/services.yml. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
