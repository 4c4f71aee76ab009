package org.safesteps.content;

import java.util.Arrays;
import java.util.Optional;

/** The callout containers lesson writers may use, with the label screen readers announce. */
enum CalloutKind {

	TIP("tip", "Tip"),
	TALK("talk", "Talk about it"),
	SCENARIO("scenario", "Story"),
	HELP("help", "Need help?");

	private final String id;
	private final String label;

	CalloutKind(String id, String label) {
		this.id = id;
		this.label = label;
	}

	String id() {
		return id;
	}

	String label() {
		return label;
	}

	static Optional<CalloutKind> fromId(String id) {
		return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
	}

}
