package org.safesteps.teacher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.safesteps.content.Band;

/** A new class: its name and the age band its learners read in. */
record ClassForm(@NotBlank @Size(max = 80) String name, @NotNull Band band) {
}
