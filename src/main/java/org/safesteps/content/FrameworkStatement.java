package org.safesteps.content;

import java.util.List;

/**
 * One outcome of a framework: its id (unique across frameworks: lessons refer to it), strand, the
 * age range as the framework words it, the bands that range maps to, its text and where it was checked.
 */
public record FrameworkStatement(String id, String frameworkId, String strand, String ages, List<Band> bands,
		String text, String source) {

	public FrameworkStatement {
		bands = List.copyOf(bands);
	}

	public boolean isFor(Band band) {
		return bands.contains(band);
	}

}
