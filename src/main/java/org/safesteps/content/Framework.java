package org.safesteps.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A curriculum framework from {@code content/frameworks/<id>.yml}: where it comes from, when its
 * text was last checked against that source, whether its statements are quoted or paraphrased, and
 * its statements in the order the file gives them.
 */
public record Framework(String id, String name, String edition, String publisher, String source, LocalDate checked,
		Wording wording, List<FrameworkStatement> statements) {

	/** Quoted as published, or paraphrased where quoting was not possible (the file says why). */
	public enum Wording {
		QUOTED, PARAPHRASED
	}

	public Framework {
		statements = List.copyOf(statements);
	}

	/** The strands in the order they first appear. */
	public List<String> strands() {
		return statements.stream().map(FrameworkStatement::strand).distinct().toList();
	}

}
