package org.safesteps.storage;

import java.util.UUID;

/**
 * A string in the canonical form of a UUID (36 characters: lower-case hexadecimal digits with
 * hyphens after the 8th, 12th, 16th and 20th, as {@link UUID#toString()} writes it) kept as its 128
 * bits: 32 bytes on the heap where the string takes 80. The in-memory unique indexes key such values
 * this way: every quiz attempt's submission id is one, and they hold one entry per attempt ever
 * stored (docs/performance.md, "Stop 31").
 * <p>
 * Two are equal exactly when their strings are equal, and {@link #toString()} gives the string back.
 * One is never equal to a string (any other string, upper-case digits included, stays a string) nor
 * to a {@link UUID}, which is how the server holds a BSON binary UUID: another value.
 */
record UuidText(long high, long low) {

	private static final int LENGTH = 36;

	/** The {@code UuidText} of a canonical UUID string, or the value itself if it is not one. */
	static Object compact(Object value) {
		if (!(value instanceof String text) || text.length() != LENGTH) {
			return value;
		}
		long high = 0;
		long low = 0;
		int digits = 0;
		for (int i = 0; i < LENGTH; i++) {
			char c = text.charAt(i);
			if (i == 8 || i == 13 || i == 18 || i == 23) {
				if (c != '-') {
					return value;
				}
				continue;
			}
			int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
			if (digit < 0) {
				return value;
			}
			if (digits < 16) {
				high = (high << 4) | digit;
			}
			else {
				low = (low << 4) | digit;
			}
			digits++;
		}
		return new UuidText(high, low);
	}

	/** The string it stands for. */
	@Override
	public String toString() {
		return new UUID(this.high, this.low).toString();
	}

}
