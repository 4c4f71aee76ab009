package org.safesteps.theme;

/**
 * One look of the site, described by its {@code theme.yml}.
 *
 * @param id folder name: {@code base}, a band id, {@code parents} or {@code teachers}
 * @param name human name
 * @param readAloud whether the read-aloud button starts switched on
 * @param quickExit whether pages show the quick exit and help bar (child and parent themes)
 */
public record Theme(String id, String name, boolean readAloud, boolean quickExit) {

	public static final String BASE = "base";

	public static final String PARENTS = "parents";

	public static final String TEACHERS = "teachers";

	/** The help page for this reader: their country's services, in this theme's look. */
	public String helpPath(String country) {
		StringBuilder path = new StringBuilder("/help");
		char sep = '?';
		if (country != null) {
			path.append(sep).append("country=").append(country);
			sep = '&';
		}
		if (id.startsWith("ages-")) {
			path.append(sep).append("band=").append(id);
		}
		return path.toString();
	}

	/** The URL of this theme's stylesheet, or null for base (whose CSS every page loads). */
	public String stylesheet() {
		return BASE.equals(this.id) ? null : "/assets/" + this.id + "/theme.css";
	}

}
