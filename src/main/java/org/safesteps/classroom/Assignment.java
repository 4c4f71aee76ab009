package org.safesteps.classroom;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A module set for a class: a pointer to the module id, never a copy of its content.
 *
 * @param position order in the class's list (lower first)
 * @param dueOn optional due date
 */
@Document("assignments")
public record Assignment(@Id String id, String classId, String moduleId, int position, LocalDate dueOn,
		Instant assignedAt) {
}
