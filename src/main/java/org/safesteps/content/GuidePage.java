package org.safesteps.content;

import java.util.List;

/** A parent guidance page; urgent pages ("what to do now") are listed first. */
public record GuidePage(String id, String title, String summary, String topic, List<String> modules, boolean urgent,
		Html body) {

	public GuidePage {
		modules = List.copyOf(modules);
	}

}
