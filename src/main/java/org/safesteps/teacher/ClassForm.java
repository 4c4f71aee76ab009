package org.safesteps.teacher;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.safesteps.content.Band;
import org.safesteps.theme.Language;

/** A new class: its name, the age band its learners read in, and their language (a shipped code; English if absent). */
record ClassForm(@NotBlank @Size(max = 80) String name, @NotNull Band band, String language) {

	String languageCode() {
		return Language.fromCode(this.language).map(Language::code).orElse(Language.ENGLISH.code());
	}

}
