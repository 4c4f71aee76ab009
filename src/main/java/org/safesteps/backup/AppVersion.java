package org.safesteps.backup;

import java.util.ArrayList;
import java.util.List;

/** The running app's version, from the jar's manifest ({@code dev} when run from classes), and comparing versions. */
final class AppVersion {

	private AppVersion() {
	}

	static String current() {
		String version = AppVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

	/**
	 * True when {@code other} is a later release than {@code mine} (by its numbers: 0.2.0 after
	 * 0.1.9). A version without numbers ({@code dev}) is never later, nor is anything later than it.
	 */
	static boolean isNewer(String other, String mine) {
		List<Integer> theirs = numbers(other);
		List<Integer> ours = numbers(mine);
		if (theirs.isEmpty() || ours.isEmpty()) {
			return false;
		}
		for (int i = 0; i < Math.max(theirs.size(), ours.size()); i++) {
			int a = (i < theirs.size()) ? theirs.get(i) : 0;
			int b = (i < ours.size()) ? ours.get(i) : 0;
			if (a != b) {
				return a > b;
			}
		}
		return false;
	}

	private static List<Integer> numbers(String version) {
		List<Integer> numbers = new ArrayList<>();
		if (version == null) {
			return numbers;
		}
		for (String part : version.split("[-+]", 2)[0].split("\\.")) {
			if (!part.matches("\\d{1,9}")) {
				return numbers;
			}
			numbers.add(Integer.parseInt(part));
		}
		return numbers;
	}

}
