package org.safesteps.content;

/**
 * An answer option (or an {@code order} item). {@code outcome} is what happens next in a scenario,
 * null for other types; {@code correct} is false for order items, whose answer is their order.
 */
public record Option(String id, String text, boolean correct, String feedback, String outcome) {
}
