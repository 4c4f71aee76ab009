package org.safesteps.content;

/** The Flesch-Kincaid grade of one lesson against its band's ceiling. */
public record ReadabilityScore(String path, Band band, String moduleId, double grade, double ceiling) {

	public boolean aboveCeiling() {
		return grade > ceiling;
	}

}
