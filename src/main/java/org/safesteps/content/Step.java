package org.safesteps.content;

/** One step of a lesson: a {@code ##} heading and everything up to the next one. */
public record Step(String id, String title, Html body) {
}
