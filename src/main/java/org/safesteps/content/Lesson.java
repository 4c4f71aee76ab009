package org.safesteps.content;

import java.util.List;
import java.util.Optional;

/** The lesson of a module for one age band, split into steps. */
public record Lesson(Band band, String title, String summary, List<Step> steps) {

	public Lesson {
		steps = List.copyOf(steps);
	}

	public Optional<Step> step(String id) {
		return steps.stream().filter(step -> step.id().equals(id)).findFirst();
	}

}
