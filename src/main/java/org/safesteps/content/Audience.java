package org.safesteps.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who a help service is for: lessons show child services, guidance pages show parent services. */
public enum Audience {

	CHILD, PARENT;

	/** The id used in help/services.yml. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Audience> fromId(String id) {
		return Arrays.stream(values()).filter(audience -> audience.id().equals(id)).findFirst();
	}

}
