package org.safesteps.content;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The callout containers lesson writers may use, with the label screen readers announce. */
enum CalloutKind {

	TIP("Tip"),
	TALK("Talk about it"),
	SCENARIO("Story"),
	HELP("Need help?");

	private final String label;

	CalloutKind(String label) {
		this.label = label;
	}

	String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	String label() {
		return label;
	}

	static Optional<CalloutKind> fromId(String id) {
		return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
	}

}
