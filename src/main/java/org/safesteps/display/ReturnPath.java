package org.safesteps.display;

import java.util.regex.Pattern;

/**
 * Where to go back to after saving the options: a path on this site only, so the form cannot be
 * used to send a child to another site ({@code //evil.example}, {@code /\evil.example},
 * {@code https://...} are all refused).
 */
final class ReturnPath {

	static final String HOME = "/";

	/** A path starting with one slash, then URL characters only: no backslash, spaces or controls. */
	private static final Pattern SAME_SITE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]*");

	private static final int MAX_LENGTH = 500;

	private ReturnPath() {
	}

	static String of(String wanted) {
		if (wanted == null || wanted.length() > MAX_LENGTH || !SAME_SITE.matcher(wanted).matches()
				|| wanted.startsWith("/display")) {
			return HOME;
		}
		return wanted;
	}

}
