package org.safesteps.teacher;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A module to assign, with an optional due date. {@code confirmed} is set by the confirmation
 * step that a sensitive module needs (the teacher has read the notes and the disclosure guidance).
 */
record AssignForm(@NotBlank @Size(max = 100) String moduleId,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, Boolean confirmed) {

	boolean isConfirmed() {
		return Boolean.TRUE.equals(this.confirmed);
	}

}
