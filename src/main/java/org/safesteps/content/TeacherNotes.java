package org.safesteps.content;

/** What a teacher reads before assigning a module: objectives, ground rules, what to do on disclosure. */
public record TeacherNotes(String summary, Html body) {
}
