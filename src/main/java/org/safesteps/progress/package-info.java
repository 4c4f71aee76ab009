/**
 * Keeps each learner's progress through modules and their quiz attempts.
 */
package org.safesteps.progress;
