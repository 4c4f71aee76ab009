package org.safesteps.content;

import java.util.Arrays;
import java.util.Optional;

/** An age band: who a lesson is written for, and the reading grade its text should stay under. */
public enum Band {

	AGES_5_7("ages-5-7", "Ages 5-7", 3.0),
	AGES_8_10("ages-8-10", "Ages 8-10", 5.0),
	AGES_11_13("ages-11-13", "Ages 11-13", 7.0),
	AGES_14_17("ages-14-17", "Ages 14-17", 9.0);

	private final String id;
	private final String label;
	private final double readingCeiling;

	Band(String id, String label, double readingCeiling) {
		this.id = id;
		this.label = label;
		this.readingCeiling = readingCeiling;
	}

	/** The id used in file names, module.yml and URLs, e.g. {@code ages-8-10}. */
	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	/** The highest Flesch-Kincaid grade a lesson for this band should have. */
	public double readingCeiling() {
		return readingCeiling;
	}

	public static Optional<Band> fromId(String id) {
		return Arrays.stream(values()).filter(band -> band.id.equals(id)).findFirst();
	}

	static String ids() {
		return String.join(", ", Arrays.stream(values()).map(Band::id).toList());
	}

}
